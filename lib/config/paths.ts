import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this code runs from; the CLI, the launcher and the tests all anchor on it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the embedded database, uploads and the demo trail live unless TRAILHOUND_DATA_DIR says otherwise. */
export function dataDir(): string {
  const configured = process.env.TRAILHOUND_DATA_DIR;
  return configured ? path.resolve(configured) : path.join(projectRoot, '.trailhound');
}
