import type { AfterIngestStep } from '@/lib/ingest/after-ingest';
import { analyzeJob } from './run-detections';

/** After-ingest step 2: the rules over the job's new events and the windows around them. */
export const detectionsStep: AfterIngestStep = {
  name: 'detections',
  async run(pool, jobId) {
    await analyzeJob(pool, jobId);
  },
};
