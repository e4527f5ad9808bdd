import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { succeeded } from '../helpers/record';

export const offensiveToolUserAgent = defineRule({
  id: 'R47',
  slug: 'offensive-tool-user-agent',
  title: 'Offensive tool or pentest distribution in the user agent',
  severity: 'medium',
  tactic: TACTICS.initialAccess,
  technique: TECHNIQUES.cloudAccounts,
  description:
    'The user agent names Kali, Parrot, Pentoo, TruffleHog, Pacu, S3 Browser, Cyberduck or an adversary-emulation tool. High when such a call changed IAM.',
  triage: ['Check whether a sanctioned test was running.', 'Otherwise treat the credentials as stolen.'],
  falsePositives: ['Authorised penetration tests and red-team exercises.'],
  references: [
    'GuardDuty PenTest:IAMUser/KaliLinux; Elastic initial_access_suspicious_user_agent_detected_in_cloudtrail',
  ],
  kind: 'single',
  configSchema: z.object({ ignoredTools: z.array(z.string()) }),
  defaultConfig: { ignoredTools: [] },
  match: (event, config) => {
    if (event.userAgentFamily !== 'offensive-tool') return false;
    if (config.ignoredTools.includes(event.userAgentDetail ?? '')) return false;
    const iamWrite = event.eventSource === 'iam.amazonaws.com' && event.readOnly !== true && succeeded(event);
    return iamWrite ? { severity: 'high' } : true;
  },
  dedupParts: (event) => [event.userAgentDetail ?? '?'],
  summarize: (event) => `${event.userAgentDetail} used by ${event.principalName} for ${event.eventName}`,
});
