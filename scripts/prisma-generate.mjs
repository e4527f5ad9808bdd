#!/usr/bin/env node
// `prisma generate` insists on a schema-engine binary even though generation never runs it, and
// the binary cannot be downloaded on offline machines. Any existing file satisfies the check;
// the generated client uses the WASM query compiler and the pg driver adapter at run time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
