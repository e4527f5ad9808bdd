import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../lib/config/paths';
import type { JobSummary } from '../../lib/ingest/run-job';

export const CLI = path.join(projectRoot, 'scripts', 'trailhound.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliResult>;
}

/**
 * Starts `trailhound <args>` as its own process, as a user would. The environment is the test's
 * minus anything that could point the CLI elsewhere (AWS profiles, an S3 endpoint), plus `env`.
 */
export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('AWS_') && key !== 'TRAILHOUND_S3_ENDPOINT' && key !== 'DATABASE_URL',
    ),
  );
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: projectRoot,
    // Next's types make NODE_ENV required; the CLI does not need it.
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return startCli(args, env).done;
}

/** `--json` prints exactly one JSON object on stdout; anything else there would break a pipe. */
export function parseSummary(result: CliResult): JobSummary {
  const lines = result.stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) {
    throw new Error(
      `expected one line of JSON on stdout, got ${lines.length}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  const parsed: unknown = JSON.parse(lines[0] as string);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`expected a JSON object on stdout, got: ${lines[0]}`);
  }
  return parsed as JobSummary;
}
