import { detectionsStep } from '@/lib/detections/runner/detections-step';
import type { AfterIngestStep } from '@/lib/ingest/after-ingest';
import { scoreStep } from '../scores/step';
import { enrichIpAddressesStep } from './enrich-ip-addresses';
import { refreshPrincipalRollupsStep } from './refresh-principal-rollups';
import { refreshRollupsStep } from './refresh-rollups';

/**
 * The analysis that runs on each job's new events, in order. Order matters: IP enrichment feeds
 * the rules' ipIntel, and findings feed the principal risk scores. Ingest itself knows none of
 * these; the CLI, the demo loader and the web runner pass this list to runAfterIngest.
 */
export const AFTER_INGEST_STEPS: readonly AfterIngestStep[] = [
  // 1. IP enrichment (lib/enrich)
  enrichIpAddressesStep,
  // 1b. hourly rollups the overview and geography pages read (docs/overview.md)
  refreshRollupsStep,
  // 1c. what the principal page's panels read (docs/principals.md)
  refreshPrincipalRollupsStep,
  // 2. detections (lib/detections)
  detectionsStep,
  // 3. baselines and risk scores (docs/scoring.md)
  scoreStep,
];
