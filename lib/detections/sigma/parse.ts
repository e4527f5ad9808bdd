// A Sigma file (one or more YAML documents) to compiled rules and per-rule errors. A broken
// document does not stop the others: each yields its own result, in file order.

import { parseAllDocuments } from 'yaml';
import type { SigmaRuleId } from '../types';
import { type CompiledSigmaRule, compileSigmaDocument, ruleIdOf } from './compile';
import { SigmaCompileError } from './errors';

export type SigmaLoadResult =
  | { ok: true; file: string; document: number; source: string; rule: CompiledSigmaRule }
  | {
      ok: false;
      file: string;
      document: number;
      source: string;
      // Known when the document is a map with a usable id (or none, then a hash): it can be stored.
      ruleId: SigmaRuleId | null;
      error: SigmaCompileError;
    };

// Sigma rules are a few kilobytes; this bounds what an upload can make the parser chew on.
export const MAX_SIGMA_FILE_BYTES = 512 * 1024;

function refusedFile(file: string, construct: string, detail: string): SigmaLoadResult {
  const ref = { file, document: 1, title: null, sigmaId: null };
  const error = new SigmaCompileError(ref, construct, null, detail);
  return { ok: false, file, document: 1, source: '', ruleId: null, error };
}

export function parseSigmaFile(file: string, text: string): SigmaLoadResult[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_SIGMA_FILE_BYTES) {
    return [refusedFile(file, 'file size', `larger than ${MAX_SIGMA_FILE_BYTES / 1024} KiB`)];
  }
  const results: SigmaLoadResult[] = [];
  const parsed = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  let position = 0;
  for (const doc of documents) {
    if (doc.errors.length === 0 && doc.contents === null) continue; // an empty document ("---" at the end)
    position++;
    const source = doc.contents ? text.slice(doc.range[0], doc.range[2]).trim() : '';
    const ref = { file, document: position, title: null, sigmaId: null };
    if (doc.errors.length > 0) {
      const detail = doc.errors.map((error) => error.message.split('\n')[0]).join('; ');
      const error = new SigmaCompileError(ref, 'YAML', null, detail);
      results.push({ ok: false, file, document: position, source, ruleId: null, error });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
      const rule = compileSigmaDocument(value, ref);
      results.push({ ok: true, file, document: position, source, rule });
    } catch (caught) {
      const error =
        caught instanceof SigmaCompileError
          ? caught
          : new SigmaCompileError(
              ref,
              'YAML',
              null,
              caught instanceof Error ? caught.message : String(caught),
            );
      results.push({ ok: false, file, document: position, source, ruleId: ruleIdOf(value), error });
    }
  }
  return results.length > 0 ? results : [refusedFile(file, 'document', 'the file holds no YAML document')];
}
