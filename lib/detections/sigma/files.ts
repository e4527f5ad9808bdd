// Sigma files from disk: a single file, or every *.yml / *.yaml below a folder (sorted, so import
// order and output are stable). Used by the CLI; uploads arrive as text and skip this.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface SigmaSourceFile {
  // Relative to the folder given (or the file's own name), for messages and storage.
  name: string;
  text: string;
}

const isSigmaFile = (name: string): boolean => /\.ya?ml$/i.test(name);

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    else if (entry.isFile() && isSigmaFile(entry.name)) found.push(full);
  }
}

export async function readSigmaSources(target: string): Promise<SigmaSourceFile[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [{ name: path.basename(target), text: await readFile(target, 'utf8') }];
  const files: string[] = [];
  await walk(target, files);
  files.sort();
  return Promise.all(
    files.map(async (file) => ({
      name: path.relative(target, file).split(path.sep).join('/'),
      text: await readFile(file, 'utf8'),
    })),
  );
}
