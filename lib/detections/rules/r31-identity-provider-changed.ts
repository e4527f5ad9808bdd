import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

const IAM_NAMES = new Set([
  'CreateSAMLProvider',
  'UpdateSAMLProvider',
  'DeleteSAMLProvider',
  'CreateOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
  'AddClientIDToOpenIDConnectProvider',
]);
const SSO_SOURCES = new Set(['sso.amazonaws.com', 'sso-directory.amazonaws.com']);
const SSO_IDP_RE = /(ExternalIdPConfiguration|IdentityProvider|TrustedTokenIssuer|DirectoryAssociation)/;

export const identityProviderChanged = defineRule({
  id: 'R31',
  slug: 'identity-provider-changed',
  title: 'Identity provider trust added or changed',
  severity: 'high',
  tactic: TACTICS.persistence,
  technique: TECHNIQUES.trustModification,
  description:
    'A SAML or OIDC provider (or the IAM Identity Center IdP) was added, changed or removed. A rogue IdP mints sessions for any role that trusts it.',
  triage: ['Verify the provider metadata belongs to your IdP.', 'List roles trusting the provider.'],
  falsePositives: ['Certificate rotation of the corporate IdP.'],
  references: [
    'Elastic persistence_iam_saml_provider_created, persistence_iam_oidc_provider_created; Sigma aws_sso_idp_change',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) => {
    if (!succeeded(event) || event.eventName === null) return false;
    if (event.eventSource === 'iam.amazonaws.com' && IAM_NAMES.has(event.eventName)) {
      // Identity Center rotates its own SAML provider.
      return !(event.eventName === 'UpdateSAMLProvider' && event.sourceIpRaw === 'sso.amazonaws.com');
    }
    return (
      SSO_SOURCES.has(event.eventSource ?? '') &&
      SSO_IDP_RE.test(event.eventName) &&
      !/^(Get|List|Describe)/.test(event.eventName)
    );
  },
  summarize: (event) => `${event.eventSource}:${event.eventName} by ${event.principalName}`,
});
