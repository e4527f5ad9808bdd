import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createIngestJob, type JobSummary, type RunJobOptions, runIngestJob } from '../../lib/ingest/run-job';
import type { SourceFile } from '../../lib/ingest/sources/types';
import { memorySource } from './memory-source';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * A test file's own migrated database and pool, made before its tests and dropped after them,
 * with `ingest` running a whole job over in-memory files.
 */
export function setupIngestDatabase() {
  let database: TestDatabase;
  const harness = {
    pool: undefined as unknown as pg.Pool,
    url: '',
    async ingest(files: SourceFile[], options: RunJobOptions = {}): Promise<JobSummary> {
      const source = memorySource(files);
      return runIngestJob(harness.pool, await createIngestJob(harness.pool, source), source, options);
    },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    harness.url = database.url;
    harness.pool = new pg.Pool({ connectionString: database.url });
  });
  afterAll(async () => {
    await harness.pool.end();
    await database.drop();
  });
  return harness;
}
