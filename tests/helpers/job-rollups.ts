import type pg from 'pg';
import { refreshPrincipalRollups } from '../../lib/analysis/refresh-principal-rollups';
import { refreshRollupsStep } from '../../lib/analysis/refresh-rollups';

/**
 * A job's principal-page rollups as the after-ingest steps keep them: the overview step first,
 * whose rollup_ip_hourly gives the principal step its addresses.
 */
export async function refreshJobRollups(pool: pg.Pool, jobId: string): Promise<void> {
  await refreshRollupsStep.run(pool, jobId);
  await refreshPrincipalRollups(pool, jobId);
}
