// Worker-thread entry: decodes batches of small files into COPY text off the main thread, so that
// parsing uses every core while the main thread feeds the database. Started by decoder-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { type DecodedFile, decodeBatch, type FileToDecode } from './decode-batch';
import type { DecodeLimits } from './decoded-stream';
import { DimensionStore } from './dimensions';

interface DecodeRequest {
  id: number;
  files: FileToDecode[];
  limits: DecodeLimits;
}

export type DecodeReply =
  | { id: number; ok: true; files: (DecodedFile | null)[] }
  | { id: number; ok: false; error: string };

const { connectionString } = workerData as { connectionString: string };
const pool = new pg.Pool({ connectionString, max: 2 });
pool.on('error', () => {});
const store = new DimensionStore(pool);
const port = parentPort as NonNullable<typeof parentPort>;

port.on('message', async (request: DecodeRequest | 'close') => {
  if (request === 'close') {
    await pool.end().catch(() => {});
    port.close();
    return;
  }
  try {
    const files = await decodeBatch(request.files, request.limits, store);
    // The files' COPY texts are views of one buffer (see decodeBatch): transfer it once.
    const transfer = [...new Set(files.flatMap((file) => (file ? [file.copy.buffer as ArrayBuffer] : [])))];
    port.postMessage({ id: request.id, ok: true, files } satisfies DecodeReply, transfer);
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, error: (error as Error).message } satisfies DecodeReply);
  }
});
