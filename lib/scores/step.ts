import type { AfterIngestStep } from '../ingest/after-ingest';
import { computeScoresForJob } from './compute';

/** Step 3 after each ingest (after detections, whose findings feed the scores). */
export const scoreStep: AfterIngestStep = {
  name: 'risk scores',
  async run(pool, jobId) {
    await computeScoresForJob(pool, jobId);
  },
};
