import { detectionsStep } from '@/lib/detections/runner/detections-step';
import type { AfterIngestStep } from '@/lib/ingest/after-ingest';

/**
 * The analysis that runs on each job's new events, in order. Order matters: IP enrichment feeds
 * the rules' ipIntel, and findings feed the principal risk scores. Ingest itself knows none of
 * these; the CLI, the demo loader and the web runner pass this list to runAfterIngest.
 */
export const AFTER_INGEST_STEPS: readonly AfterIngestStep[] = [
  // 1. IP enrichment (lib/enrich)
  // 2. detections (lib/detections)
  detectionsStep,
  // 3. baselines and risk scores
];
