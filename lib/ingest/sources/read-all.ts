import type { SourceFile } from './types';

/** The whole file in memory: only for files known to be small. */
export async function readAll(file: SourceFile): Promise<Buffer> {
  if (file.read) return file.read();
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open()) chunks.push(chunk as Buffer);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
