// Entry of the full-analysis threads (lib/detections/runner/analysis-threads.ts). Like the CLI bin,
// it lets tsx compile the TypeScript it loads: a worker's --import hooks do not reach its own entry
// module.
import { register } from 'tsx/esm/api';

register();
await import('../lib/detections/runner/analysis-worker.ts');
