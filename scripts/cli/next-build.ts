import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/config/paths';
import { UserFacingError } from '../../lib/db/errors';

export const NEXT_BIN = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'next.config.js',
  'package.json',
  'postcss.config.mjs',
];
const SKIPPED = new Set(['node_modules', '.next']);

/** A production build is stale when any input changed after it was made. */
export function buildIsCurrent(): boolean {
  const marker = path.join(projectRoot, '.next', 'BUILD_ID');
  if (!existsSync(marker)) return false;
  const builtAt = statSync(marker).mtimeMs;
  return BUILD_INPUTS.every((input) => newestChange(path.join(projectRoot, input)) <= builtAt);
}

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (SKIPPED.has(entry) || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestChange(path.join(target, entry)));
  }
  return newest;
}

export async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  console.error('Building the web app (first start or changed sources; this takes a minute or two) ...');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], { cwd: projectRoot, env, stdio: 'inherit' });
    child.on('exit', resolve);
  });
  if (code !== 0) throw new UserFacingError(`next build failed (exit code ${code}). See the output above.`);
}
