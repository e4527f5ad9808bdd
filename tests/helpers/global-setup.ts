import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../lib/config/paths';
import { migrate } from '../../lib/db/migrate';
import { resolveDatabase } from '../../lib/db/resolve-database';

/**
 * Integration tests run on a real PostgreSQL: TRAILHOUND_TEST_DATABASE_URL when given, otherwise
 * an embedded cluster kept apart from the user's own data. DATABASE_URL is never reused, so a
 * test run cannot touch a team's database by accident.
 */
export default async function setup(project: TestProject) {
  delete process.env.DATABASE_URL;
  if (process.env.TRAILHOUND_TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TRAILHOUND_TEST_DATABASE_URL;
  } else {
    process.env.TRAILHOUND_DATA_DIR = path.join(projectRoot, '.trailhound-test');
  }
  const database = await resolveDatabase();
  await migrate(database.url);
  project.provide('databaseUrl', database.url);
  process.env.DATABASE_URL = database.url;
  return async () => {
    await database.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
