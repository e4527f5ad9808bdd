import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';

export const consoleLoginMultipleCountries = defineRule({
  id: 'R13',
  slug: 'console-login-multiple-countries',
  title: 'Console sign-ins from several countries',
  severity: 'medium',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'One principal signed in successfully from two or more countries within the window. Needs GeoIP enrichment; silent without it.',
  triage: ['Compare the sign-in times and IPs.', 'Ask the user about travel or VPN use.'],
  falsePositives: ['VPNs and travel.'],
  references: ['Elastic initial_access_console_login_iam_user_multiple_geolocations'],
  kind: 'threshold',
  eventNames: ['ConsoleLogin'],
  configSchema: z.object({ countries: z.number().int().min(2), windowHours: z.number().positive() }),
  defaultConfig: { countries: 2, windowHours: 24 },
  filter: (event) => event.eventName === 'ConsoleLogin' && event.consoleLoginOutcome === 'Success',
  groupBy: (event) => event.principalKey,
  windowMs: (config) => (config.windowHours * DAY_MS) / 24,
  measure: { type: 'distinct', of: (event, _config, ctx) => ctx.ipIntel(event.sourceIp)?.country ?? null },
  threshold: (config) => config.countries,
  summarize: (window) => `Console sign-ins from ${window.value} countries by ${window.groupKey}`,
});
