import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { numberAt, textAt } from '../helpers/record';

// End records close an insight; a stateful "close the finding" belongs to the findings store.
export const cloudtrailInsight = defineRule({
  id: 'R68',
  slug: 'cloudtrail-insight',
  title: 'CloudTrail Insights anomaly',
  severity: 'medium',
  tactic: TACTICS.discovery,
  technique: TECHNIQUES.cloudServiceDiscovery,
  description:
    'CloudTrail Insights saw an unusual API call rate or error rate. Severity follows the ratio of the insight average to the baseline average.',
  triage: [
    'Open the attributions (top identities, user agents, error codes).',
    'Review the principal behind the spike.',
  ],
  falsePositives: ['Deployments and batch jobs.'],
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html',
  ],
  kind: 'single',
  configSchema: z.object({ highRatio: z.number().positive(), mediumRatio: z.number().positive() }),
  defaultConfig: { highRatio: 10, mediumRatio: 3 },
  match: (event, config) => {
    if (event.eventType !== 'AwsCloudTrailInsight' || event.insightState !== 'Start') return false;
    const statistics = event.raw.insightDetails;
    const baseline = numberAt(statistics, 'insightContext', 'statistics', 'baseline', 'average') ?? 0;
    const observed = numberAt(statistics, 'insightContext', 'statistics', 'insight', 'average') ?? 0;
    const ratio = baseline > 0 ? observed / baseline : Number.POSITIVE_INFINITY;
    if (ratio >= config.highRatio) return { severity: 'high' };
    return ratio >= config.mediumRatio ? true : { severity: 'low' };
  },
  dedupParts: (event) => [textAt(event.raw, 'sharedEventID') ?? event.eventId],
  summarize: (event) =>
    `${event.insightType ?? 'Insight'} on ${event.eventSource}:${event.eventName} (${event.awsRegion ?? '?'})`,
});
