import { execFileSync } from 'node:child_process';
import { E2E_ENV } from './env';

/** Runs the real CLI against the test server's database (it joins the running embedded cluster). */
export function runCli(args: string[], extraEnv: Record<string, string> = {}): string {
  const env: NodeJS.ProcessEnv = { ...process.env, ...E2E_ENV, ...extraEnv };
  delete env.DATABASE_URL;
  return execFileSync(process.execPath, ['scripts/trailhound.mjs', ...args], { env, encoding: 'utf8' });
}
