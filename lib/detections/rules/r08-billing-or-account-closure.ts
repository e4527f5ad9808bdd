import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

const BILLING_SOURCES = new Set([
  'billingconsole.amazonaws.com',
  'purchase-orders.amazonaws.com',
  'customer-verification.amazonaws.com',
]);
const READ_PREFIX_RE = /^(Get|List|Describe|View|Validate)/;

export const billingOrAccountClosure = defineRule({
  id: 'R08',
  slug: 'billing-or-account-closure',
  title: 'Billing settings changed or account closed',
  severity: 'medium',
  tactic: TACTICS.impact,
  technique: TECHNIQUES.financialTheft,
  description:
    'A change in the billing console (payment methods, invoices, tax, purchase orders) or an account closure.',
  triage: ['Confirm with finance or the account owner.', 'For CloseAccount, act immediately.'],
  falsePositives: ['Finance staff maintaining billing details.'],
  references: ['AWS Billing CloudTrail events; Elastic impact_aws_account_closed'],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (!succeeded(event) || event.eventName === null) return false;
    if (event.eventName === 'CloseAccount') {
      const source = event.eventSource ?? '';
      return source === 'account.amazonaws.com' || source === 'organizations.amazonaws.com'
        ? { severity: 'high' }
        : false;
    }
    return BILLING_SOURCES.has(event.eventSource ?? '') && !READ_PREFIX_RE.test(event.eventName);
  },
  summarize: (event) => `${event.eventSource}:${event.eventName} by ${event.principalName}`,
});
