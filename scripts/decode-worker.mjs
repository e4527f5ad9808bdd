// Entry of the ingest decoder threads (lib/ingest/decoder-pool.ts). Like the CLI bin, it lets tsx
// compile the TypeScript it loads: a worker's --import hooks do not reach its own entry module.
import { register } from 'tsx/esm/api';

register();
await import('../lib/ingest/decode-worker.ts');
