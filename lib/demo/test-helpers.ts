// Reading a generated demo trail back, for the demo's own tests.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

// biome-ignore lint/suspicious/noExplicitAny: CloudTrail records are free-form JSON; tests probe them by path.
export type Rec = Record<string, any>;

export interface LoadedTrail {
  logFiles: string[];
  digestFiles: string[];
  otherFiles: string[];
  /** Records by eventID plus recipient account (cross-account copies share nothing else). */
  records: Map<string, Rec>;
  recordFile: Map<string, string>;
  fileRecords: Map<string, Rec[]>;
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export function gunzipJson(root: string, rel: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(join(root, rel))).toString('utf8'));
}

export function sha256OfGunzipped(root: string, rel: string): string {
  return createHash('sha256')
    .update(gunzipSync(readFileSync(join(root, rel))))
    .digest('hex');
}

export function recordKey(r: Rec): string {
  return `${r.eventID}|${r.recipientAccountId}`;
}

export function loadTrail(root: string): LoadedTrail {
  const files = listFiles(root);
  const trail: LoadedTrail = {
    logFiles: files.filter((f) => f.includes('/CloudTrail/')),
    digestFiles: files.filter((f) => f.includes('/CloudTrail-Digest/')),
    otherFiles: files.filter((f) => !f.includes('/CloudTrail/') && !f.includes('/CloudTrail-Digest/')),
    records: new Map(),
    recordFile: new Map(),
    fileRecords: new Map(),
  };
  for (const file of trail.logFiles) {
    const body = gunzipJson(root, file) as { Records: Rec[] };
    trail.fileRecords.set(file, body.Records);
    for (const r of body.Records) {
      trail.records.set(recordKey(r), r);
      trail.recordFile.set(recordKey(r), file);
    }
  }
  return trail;
}

export function hashTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of listFiles(root))
    out.set(
      f,
      createHash('sha256')
        .update(readFileSync(join(root, f)))
        .digest('hex'),
    );
  return out;
}
