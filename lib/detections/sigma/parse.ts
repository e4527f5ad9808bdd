// A Sigma file (one or more YAML documents) to compiled rules and per-rule errors. A broken
// document does not stop the others: each yields its own result, in file order.

import { parseAllDocuments } from 'yaml';
import { type CompiledSigmaRule, compileSigmaDocument } from './compile';
import { SigmaCompileError } from './errors';

export type SigmaLoadResult =
  | { ok: true; file: string; document: number; source: string; rule: CompiledSigmaRule }
  | { ok: false; file: string; document: number; source: string; error: SigmaCompileError };

// Sigma rules are a few kilobytes; this bounds what an upload can make the parser chew on.
export const MAX_SIGMA_FILE_BYTES = 512 * 1024;

export function parseSigmaFile(file: string, text: string): SigmaLoadResult[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_SIGMA_FILE_BYTES) {
    const ref = { file, document: 1, title: null, sigmaId: null };
    return [
      {
        ok: false,
        file,
        document: 1,
        source: '',
        error: new SigmaCompileError(
          ref,
          'file size',
          null,
          `larger than ${MAX_SIGMA_FILE_BYTES / 1024} KiB`,
        ),
      },
    ];
  }
  const results: SigmaLoadResult[] = [];
  const documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [];
  let position = 0;
  for (const doc of list) {
    const source = doc.contents ? text.slice(doc.range[0], doc.range[2]).trim() : '';
    if (doc.errors.length === 0 && doc.contents === null) continue;
    position++;
    const ref = { file, document: position, title: null, sigmaId: null };
    if (doc.errors.length > 0) {
      const detail = doc.errors.map((error) => error.message.split('\n')[0]).join('; ');
      results.push({
        ok: false,
        file,
        document: position,
        source,
        error: new SigmaCompileError(ref, 'YAML', null, detail),
      });
      continue;
    }
    try {
      const rule = compileSigmaDocument(doc.toJS({ maxAliasCount: 50 }), ref);
      results.push({ ok: true, file, document: position, source, rule });
    } catch (error) {
      if (!(error instanceof SigmaCompileError)) throw error;
      results.push({ ok: false, file, document: position, source, error });
    }
  }
  if (results.length === 0) {
    const ref = { file, document: 1, title: null, sigmaId: null };
    results.push({
      ok: false,
      file,
      document: 1,
      source: '',
      error: new SigmaCompileError(ref, 'document', null, 'the file holds no YAML document'),
    });
  }
  return results;
}
