#!/usr/bin/env node
// Starts the app for Playwright on a database that exists only for this run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const dataDir = process.env.TRAILHOUND_DATA_DIR;
if (!dataDir?.includes('trailhound-e2e')) throw new Error('e2e-server refuses to wipe a non-test data dir');
rmSync(dataDir, { recursive: true, force: true });
delete process.env.DATABASE_URL;

const port = process.env.TRAILHOUND_E2E_PORT ?? '3100';
const child = spawn(
  process.execPath,
  ['scripts/trailhound.mjs', 'serve', '--port', port, '--host', '127.0.0.1'],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
