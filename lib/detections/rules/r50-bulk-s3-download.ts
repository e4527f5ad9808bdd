import { z } from 'zod';
import { TACTICS, TECHNIQUES } from '../attack';
import { defineRule, MINUTE_MS } from '../define-rule';
import { businessHoursSchema, DEFAULT_BUSINESS_HOURS, withinBusinessHours } from '../helpers/business-hours';
import { extraOf, numberAt, requestOf, textAt } from '../helpers/record';
import type { ThresholdWindow } from '../types';

const MB = 1024 * 1024;

// The anchor's second trigger (≥500 objects) is the same rule with a count measure; bytes are the
// better signal because one archive can hold a whole bucket.
export const bulkS3Download = defineRule({
  id: 'R50',
  slug: 'bulk-s3-download',
  title: 'Bulk download from one bucket',
  severity: 'high',
  tactic: TACTICS.exfiltration,
  technique: TECHNIQUES.dataFromCloudStorage,
  description:
    'One principal downloaded at least 50 MB (additionalEventData.bytesTransferredOut) from one bucket within ten minutes. Needs S3 data events. Critical when the download started outside business hours (the engine-wide setting).',
  triage: ['List the objects read.', 'Check whether the principal normally reads this bucket.'],
  falsePositives: ['Backups, analytics jobs, deployments pulling artifacts.'],
  references: ['Panther query aws_s3_large_download_specific_bucket (50 MB / 10 min)'],
  kind: 'threshold',
  configSchema: z.object({
    megabytes: z.number().positive(),
    windowMinutes: z.number().positive(),
    businessHours: businessHoursSchema,
  }),
  defaultConfig: { megabytes: 50, windowMinutes: 10, businessHours: DEFAULT_BUSINESS_HOURS },
  filter: (event) =>
    event.eventSource === 's3.amazonaws.com' && event.eventName === 'GetObject' && !event.isError,
  groupBy: (event) => {
    const bucket = textAt(requestOf(event), 'bucketName');
    return bucket ? `${event.principalKey}|${bucket}` : null;
  },
  windowMs: (config) => config.windowMinutes * MINUTE_MS,
  measure: { type: 'sum', of: (event) => numberAt(extraOf(event), 'bytesTransferredOut') ?? 0 },
  threshold: (config) => config.megabytes * MB,
  // The anchor's "x1.5 outside usual hours": off-hours bulk reads are the exfiltration pattern.
  assess: (window, config) => {
    const start = window.events[0]?.eventTime;
    if (!start || withinBusinessHours(start, config.businessHours)) return true;
    return { severity: 'critical', summary: `${summaryOf(window)}, outside business hours` };
  },
  summarize: (window) => summaryOf(window),
});

function summaryOf(window: ThresholdWindow): string {
  return `${(window.value / MB).toFixed(1)} MB in ${window.events.length} objects from ${window.groupKey.split('|').pop()}`;
}
