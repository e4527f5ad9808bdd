import { z } from 'zod';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule } from '../define-rule';
import { at, boolAt, listOf, requestOf, succeeded, targetName, textAt } from '../helpers/record';
import type { Assessment } from '../types';

function impairment(event: NormalizedEvent): Assessment | null {
  const request = requestOf(event);
  switch (event.eventName) {
    case 'StopLogging':
    case 'DeleteTrail':
      return { severity: 'critical' };
    case 'PutEventSelectors': {
      const selectors = listOf(at(request, 'eventSelectors'));
      // Basic selectors: management events off, or only reads logged. Advanced ones are judged by eye.
      const blind = selectors.some(
        (selector) =>
          boolAt(selector, 'includeManagementEvents') === false ||
          textAt(selector, 'readWriteType') === 'ReadOnly',
      );
      return blind
        ? { summary: `Trail ${targetName(event, 'trailName')} no longer logs management writes` }
        : null;
    }
    case 'UpdateTrail': {
      const changes = [
        boolAt(request, 'isMultiRegionTrail') === false && 'single-region',
        boolAt(request, 'includeGlobalServiceEvents') === false && 'no global service events',
        boolAt(request, 'enableLogFileValidation') === false && 'log validation off',
        textAt(request, 's3BucketName') !== null && `bucket -> ${textAt(request, 's3BucketName')}`,
      ].filter((change): change is string => typeof change === 'string');
      return changes.length > 0
        ? { summary: `Trail ${targetName(event, 'name')} updated: ${changes.join(', ')}` }
        : null;
    }
    case 'PutInsightSelectors':
      return listOf(at(request, 'insightSelectors')).length === 0 ? { severity: 'medium' } : null;
    default:
      return null;
  }
}

export const cloudtrailImpaired = defineRule({
  id: 'R66',
  slug: 'cloudtrail-impaired',
  title: 'CloudTrail logging stopped, deleted or narrowed',
  severity: 'high',
  tactic: TACTICS.defenseEvasion,
  technique: TECHNIQUES.disableCloudLogs,
  description:
    'A trail was stopped or deleted (critical), or changed to log less: management events off, reads only, single region, no global events, another bucket.',
  triage: ['Restart/restore the trail.', 'Treat the gap as a blind spot: check other log sources for it.'],
  falsePositives: ['Trail consolidation into an organisation trail.'],
  references: [
    'Elastic defense_evasion_cloudtrail_logging_suspended/deleted; Sigma aws_cloudtrail_disable_logging',
    'Stratus cloudtrail-stop, cloudtrail-delete, cloudtrail-event-selectors',
  ],
  kind: 'single',
  configSchema: z.object({}),
  defaultConfig: {},
  match: (event) =>
    event.eventSource === 'cloudtrail.amazonaws.com' && succeeded(event)
      ? (impairment(event) ?? false)
      : false,
  dedupParts: (event) => [targetName(event, 'name', 'trailName')],
  summarize: (event) =>
    `${event.eventName} on trail ${targetName(event, 'name', 'trailName')} by ${event.principalName}`,
});
