import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { DAY_MS, defineRule } from '../define-rule';

export const unusedRegionWrite = defineRule({
  id: 'R45',
  slug: 'unused-region-write',
  title: 'Write activity in a region the account does not use',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.unusedRegions,
  description:
    'A write call in a region with no activity for the account in the baseline window. Attackers launch miners and hide resources in regions nobody watches.',
  triage: ['List resources created in the region.', 'Consider an SCP that denies unused regions.'],
  falsePositives: ['Expansion into a new region.'],
  references: ['Panther AWS.UnusedRegion'],
  kind: 'firstSeen',
  feature: 'region',
  scope: 'account',
  configSchema: z.object({ baselineDays: z.number().positive() }),
  defaultConfig: { baselineDays: 30 },
  filter: (event) => event.readOnly === false && event.principalType !== 'AWSService',
  value: (event) => event.awsRegion,
  baselineMs: (config) => config.baselineDays * DAY_MS,
  summarize: (event, [region]) =>
    `${event.principalName} wrote in unused region ${region} (${event.eventName})`,
});
