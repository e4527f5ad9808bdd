import path from 'node:path';

export const E2E_PORT = Number(process.env.TRAILHOUND_E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.resolve('.trailhound-e2e');
export const E2E_ADMIN_EMAIL = 'admin@trailhound.local';
// A throwaway password for a throwaway database that only exists during the test run.
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-not-secret';

/** The environment of the test server and of every CLI call the specs make against it. */
export const E2E_ENV: Record<string, string> = {
  TRAILHOUND_DATA_DIR: E2E_DATA_DIR,
  TRAILHOUND_ADMIN_EMAIL: E2E_ADMIN_EMAIL,
  TRAILHOUND_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
  TRAILHOUND_E2E_PORT: String(E2E_PORT),
  // An S3-compatible endpoint users may pick; nothing listens there, so imports from it fail.
  TRAILHOUND_S3_ENDPOINTS: 'http://127.0.0.1:9',
  DATABASE_URL: '',
  // Specs seed exactly the data they assert on.
  TRAILHOUND_DEMO: '0',
};

/** A folder for a spec's generated input, inside the run's data dir (wiped when the next run starts). */
export function fixtureDir(name: string): string {
  return path.join(E2E_DATA_DIR, 'spec-fixtures', name);
}
