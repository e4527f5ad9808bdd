// Imported Sigma rules in the database (sigma_rule, migration 0006): import from files or an
// upload, list, switch on/off, delete, and load the enabled ones compiled for a detection run.
// The stored YAML is compiled again on every load, so what runs is always what the admin uploaded.

import type pg from 'pg';
import { inTransaction } from '@/lib/db/transaction';
import type { Severity } from '@/lib/severity';
import type { SigmaRuleId } from '../types';
import type { CompiledSigmaRule } from './compile';
import { parseSigmaFile } from './parse';

type Db = pg.Pool | pg.ClientBase;

export interface SigmaImportFile {
  name: string;
  text: string;
}

export interface SigmaImportedRule {
  // null when the document could not even be read (YAML syntax, not a map, a bad id).
  ruleId: SigmaRuleId | null;
  title: string | null;
  status: 'imported' | 'updated' | 'failed';
  error: string | null;
}

export interface SigmaFileReport {
  file: string;
  rules: SigmaImportedRule[];
}

export interface SigmaImportReport {
  files: SigmaFileReport[];
  imported: number;
  updated: number;
  failed: number;
}

export interface StoredSigmaRule {
  ruleId: SigmaRuleId;
  sigmaId: string | null;
  title: string;
  severity: Severity | null;
  fileName: string;
  enabled: boolean;
  lastError: string | null;
  uploadedBy: string | null;
  uploadedByEmail: string | null;
  uploadedAt: Date;
}

const UPSERT_GOOD = `
  INSERT INTO sigma_rule (rule_id, sigma_id, title, severity, file_name, source_yaml, enabled, last_error, uploaded_by, uploaded_at)
  VALUES ($1, $2, $3, $4, $5, $6, true, NULL, $7, now())
  ON CONFLICT (rule_id) DO UPDATE SET sigma_id = EXCLUDED.sigma_id, title = EXCLUDED.title,
    severity = EXCLUDED.severity, file_name = EXCLUDED.file_name, source_yaml = EXCLUDED.source_yaml,
    last_error = NULL, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now(),
    -- A rule kept only for its error was never switched off by anyone: fixed, it starts on.
    enabled = sigma_rule.enabled OR sigma_rule.last_error IS NOT NULL
  RETURNING (xmax = 0) AS inserted`;

// A failing document is kept (disabled, with its error) only when no rule has that id yet: a broken
// re-upload must not replace a rule that works.
const INSERT_FAILED = `
  INSERT INTO sigma_rule (rule_id, sigma_id, title, severity, file_name, source_yaml, enabled, last_error, uploaded_by, uploaded_at)
  VALUES ($1, $2, $3, NULL, $4, $5, false, $6, $7, now())
  ON CONFLICT (rule_id) DO UPDATE SET source_yaml = EXCLUDED.source_yaml, last_error = EXCLUDED.last_error,
    file_name = EXCLUDED.file_name, title = EXCLUDED.title, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()
    WHERE sigma_rule.last_error IS NOT NULL`;

/**
 * Compiles and stores every rule of the given files in one transaction. A rule that compiles is
 * inserted, or replaces the stored rule with its id (keeping its on/off switch). The report says,
 * per file and rule, what happened and why a rule failed.
 */
export async function importSigmaFiles(
  pool: pg.Pool,
  files: readonly SigmaImportFile[],
  uploadedBy: string | null = null,
): Promise<SigmaImportReport> {
  const report: SigmaImportReport = { files: [], imported: 0, updated: 0, failed: 0 };
  const seen = new Map<string, string>();
  const client = await pool.connect();
  try {
    await inTransaction(client, async () => {
      for (const file of files) {
        const fileReport: SigmaFileReport = { file: file.name, rules: [] };
        for (const result of parseSigmaFile(file.name, file.text)) {
          if (result.ok) {
            const { rule } = result;
            const earlier = seen.get(rule.id);
            if (earlier !== undefined) {
              const error = `${file.name}: rule "${rule.title}" (${rule.sigmaId ?? rule.id}): id: already used by a rule in ${earlier} of this import`;
              fileReport.rules.push({ ruleId: rule.id, title: rule.title, status: 'failed', error });
              report.failed++;
              continue;
            }
            seen.set(rule.id, file.name);
            const { rows } = await client.query<{ inserted: boolean }>(UPSERT_GOOD, [
              rule.id,
              rule.sigmaId,
              rule.title,
              rule.meta.severity,
              file.name,
              result.source,
              uploadedBy,
            ]);
            const status = rows[0]?.inserted ? 'imported' : 'updated';
            report[status]++;
            fileReport.rules.push({ ruleId: rule.id, title: rule.title, status, error: null });
          } else {
            const { error, ruleId } = result;
            if (ruleId && !seen.has(ruleId)) {
              await client.query(INSERT_FAILED, [
                ruleId,
                error.ref.sigmaId,
                error.ref.title ?? `${file.name} #${result.document}`,
                file.name,
                result.source,
                error.message,
                uploadedBy,
              ]);
            }
            report.failed++;
            fileReport.rules.push({ ruleId, title: error.ref.title, status: 'failed', error: error.message });
          }
        }
        report.files.push(fileReport);
      }
    });
  } finally {
    client.release();
  }
  return report;
}

export async function listSigmaRules(db: Db): Promise<StoredSigmaRule[]> {
  const { rows } = await db.query<{
    rule_id: SigmaRuleId;
    sigma_id: string | null;
    title: string;
    severity: Severity | null;
    file_name: string;
    enabled: boolean;
    last_error: string | null;
    uploaded_by: string | null;
    email: string | null;
    uploaded_at: Date;
  }>(
    `SELECT s.rule_id, s.sigma_id, s.title, s.severity, s.file_name, s.enabled, s.last_error, s.uploaded_by,
            u.email, s.uploaded_at
       FROM sigma_rule s LEFT JOIN app_user u ON u.id = s.uploaded_by
      ORDER BY s.title, s.rule_id`,
  );
  return rows.map((row) => ({
    ruleId: row.rule_id,
    sigmaId: row.sigma_id,
    title: row.title,
    severity: row.severity,
    fileName: row.file_name,
    enabled: row.enabled,
    lastError: row.last_error,
    uploadedBy: row.uploaded_by,
    uploadedByEmail: row.email,
    uploadedAt: row.uploaded_at,
  }));
}

/** False when no rule has that id. A rule that does not compile cannot be switched on. */
export async function setSigmaRuleEnabled(db: Db, ruleId: string, enabled: boolean): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE sigma_rule SET enabled = $2 WHERE rule_id = $1 AND (last_error IS NULL OR NOT $2)',
    [ruleId, enabled],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteSigmaRule(db: Db, ruleId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM sigma_rule WHERE rule_id = $1', [ruleId]);
  return (rowCount ?? 0) > 0;
}

export interface LoadedSigmaRules {
  rules: CompiledSigmaRule[];
  // Enabled rules whose stored YAML no longer compiles (a stricter compiler): left out of the run.
  problems: { ruleId: string; message: string }[];
}

// An enabled rule as stored: plain data, which a run hands to its analysis threads to compile.
export interface SigmaRuleSource {
  rule_id: string;
  file_name: string;
  source_yaml: string;
}

/** The enabled imported rules' YAML, for compileSigmaSources. */
export async function readSigmaSources(db: Db): Promise<SigmaRuleSource[]> {
  const { rows } = await db.query<SigmaRuleSource>(
    'SELECT rule_id, file_name, source_yaml FROM sigma_rule WHERE enabled AND last_error IS NULL ORDER BY rule_id',
  );
  return rows;
}

export function compileSigmaSources(rows: readonly SigmaRuleSource[]): LoadedSigmaRules {
  const loaded: LoadedSigmaRules = { rules: [], problems: [] };
  for (const row of rows) {
    const [result] = parseSigmaFile(row.file_name, row.source_yaml);
    if (result?.ok && result.rule.id === row.rule_id) loaded.rules.push(result.rule);
    else {
      const message =
        result && !result.ok ? result.error.message : `stored YAML no longer yields ${row.rule_id}`;
      loaded.problems.push({ ruleId: row.rule_id, message });
    }
  }
  return loaded;
}

/** The enabled imported rules, compiled, for a detection run (lib/detections/active-rules.ts). */
export async function loadSigmaRules(db: Db): Promise<LoadedSigmaRules> {
  return compileSigmaSources(await readSigmaSources(db));
}

export interface SigmaRuleDefinition {
  meta: CompiledSigmaRule['meta'];
  sourceYaml: string;
  fileName: string;
  enabled: boolean;
}

/**
 * What the findings views show for an imported rule (title, explanation, ATT&CK refs, false
 * positives, references, and the YAML itself): the catalogue's RULES[id] for "sigma:" ids.
 * null when no stored rule has the id or its YAML does not compile.
 */
export async function getSigmaRuleDefinition(db: Db, ruleId: string): Promise<SigmaRuleDefinition | null> {
  const { rows } = await db.query<{ file_name: string; source_yaml: string; enabled: boolean }>(
    'SELECT file_name, source_yaml, enabled FROM sigma_rule WHERE rule_id = $1',
    [ruleId],
  );
  const row = rows[0];
  if (!row) return null;
  const [result] = parseSigmaFile(row.file_name, row.source_yaml);
  if (!result?.ok) return null;
  return {
    meta: result.rule.meta,
    sourceYaml: row.source_yaml,
    fileName: row.file_name,
    enabled: row.enabled,
  };
}
