import type { Command } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { readSigmaSources } from '../../lib/detections/sigma/files';
import { importSigmaFiles, listSigmaRules } from '../../lib/detections/sigma/store';
import { withDatabase } from './with-database';

// Titles and errors quote the YAML: control characters (terminal escapes) never reach the tty.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');

async function readSources(target: string) {
  try {
    return await readSigmaSources(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserFacingError(`no such file or folder: ${target}`);
    throw error;
  }
}

export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('Imported Sigma detection rules.');

  rules
    .command('import')
    .argument('<file-or-folder>', 'a Sigma YAML file, or a folder searched recursively for *.yml / *.yaml')
    .description(
      'Compile and store Sigma rules for AWS CloudTrail. Rules that compile are stored (replacing a rule with ' +
        'the same id, keeping its on/off switch); each rule that does not is reported with the reason. ' +
        'Exit code 1 when any rule failed.',
    )
    .option(
      '--json',
      'print {files:[{file, rules:[{ruleId, title, status, error}]}], imported, updated, failed}',
    )
    .action(async (target: string, options: { json?: boolean }) => {
      const sources = await readSources(target);
      if (sources.length === 0) throw new UserFacingError(`no *.yml or *.yaml files in ${target}`);
      const report = await withDatabase(async () => {
        try {
          return await importSigmaFiles(getPool(), sources);
        } finally {
          await closePool();
        }
      });
      if (report.failed > 0) process.exitCode = 1;
      if (options.json) {
        console.log(JSON.stringify(report));
        return;
      }
      for (const file of report.files) {
        for (const rule of file.rules) {
          if (rule.status === 'failed') console.log(`✗ ${printable(rule.error ?? file.file)}`);
          else
            console.log(
              `✓ ${printable(file.file)}: ${rule.status} "${printable(rule.title ?? '')}" (${rule.ruleId})`,
            );
        }
      }
      console.log(
        `${report.imported} imported, ${report.updated} updated, ${report.failed} failed, from ${report.files.length} file(s).`,
      );
    });

  rules
    .command('list')
    .description('List imported Sigma rules with their state and, for rules that do not compile, why.')
    .option(
      '--json',
      'print [{ruleId, sigmaId, title, severity, enabled, fileName, uploadedAt, uploadedBy, error}]',
    )
    .action(async (options: { json?: boolean }) => {
      const stored = await withDatabase(async () => {
        try {
          return await listSigmaRules(getPool());
        } finally {
          await closePool();
        }
      });
      if (options.json) {
        const rows = stored.map((rule) => ({
          ruleId: rule.ruleId,
          sigmaId: rule.sigmaId,
          title: rule.title,
          severity: rule.severity,
          enabled: rule.enabled,
          fileName: rule.fileName,
          uploadedAt: rule.uploadedAt.toISOString(),
          uploadedBy: rule.uploadedByEmail,
          error: rule.lastError,
        }));
        console.log(JSON.stringify(rows));
        return;
      }
      if (stored.length === 0) console.log('No Sigma rules imported yet (trailhound rules import <folder>).');
      for (const rule of stored) {
        const state = rule.lastError ? 'error' : rule.enabled ? 'on' : 'off';
        console.log(
          `${state.padEnd(5)} ${(rule.severity ?? '-').padEnd(8)} ${rule.ruleId}  ${printable(rule.title)}  [${printable(rule.fileName)}]`,
        );
        if (rule.lastError) console.log(`      ${printable(rule.lastError)}`);
      }
    });
}
