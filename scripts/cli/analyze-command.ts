import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { enrichIpAddressesStep } from '../../lib/analysis/enrich-ip-addresses';
import { rebuildPrincipalRollups } from '../../lib/analysis/refresh-principal-rollups';
import { refreshRollupsStep } from '../../lib/analysis/refresh-rollups';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { exportFindings } from '../../lib/detections/findings-export';
import { detectionsStep } from '../../lib/detections/runner/detections-step';
import {
  type AnalysisProgress,
  type AnalysisResult,
  analyzeAll,
  analyzeJob,
  pendingJobs,
} from '../../lib/detections/runner/run-detections';
import { computeAllScores } from '../../lib/scores/compute';
import { withDatabase } from './with-database';

// Principal names come from the logs: control characters (terminal escapes) never reach the tty.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

interface AnalyzeOptions {
  full?: boolean;
  json?: boolean;
}

/** Event time covered, events and findings so far, on stderr. */
function analysisBar(): { update(progress: AnalysisProgress): void; stop(): void } {
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {events} events | {findings} findings | ETA {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    stream: process.stderr,
  });
  let started = false;
  return {
    update(progress) {
      const payload = { events: progress.events, findings: progress.findings };
      if (!started) {
        bar.start(Math.max(progress.total, 1), 0, payload);
        started = true;
      }
      bar.update(progress.done, payload);
    },
    stop: () => started && bar.stop(),
  };
}

export function registerAnalyzeCommands(program: Command): void {
  program
    .command('analyze')
    .description(
      'Run the detection rules. Without --full, over the jobs not analysed yet (each ingest analyses its own job); ' +
        'with --full, over every stored event from scratch. Triage is kept and findings are never duplicated.',
    )
    .option('--full', 're-run every rule over all stored events and rebuild evidence and baselines')
    .option(
      '--json',
      'print {mode, events, findings, ruleProblems, missingRecords, seconds, threads} as JSON',
    )
    .action(async (options: AnalyzeOptions) => {
      const results = await withDatabase(async () => {
        try {
          const pool = getPool();
          const bar = options.json || !process.stderr.isTTY ? null : analysisBar();
          const onProgress = (progress: AnalysisProgress) => bar?.update(progress);
          const done: AnalysisResult[] = [];
          if (options.full) {
            // Jobs loaded with `ingest --no-analyze` have no enrichment or overview rollups yet;
            // everything after those is rebuilt below from every stored event.
            for (const jobId of await pendingJobs(pool))
              for (const step of [enrichIpAddressesStep, refreshRollupsStep]) await step.run(pool, jobId);
            // The principal page's rollups (docs/principals.md) are rebuilt from every event too.
            await rebuildPrincipalRollups(pool);
            done.push(await analyzeAll(pool, { onProgress }));
            // Findings feed the risk scores (docs/scoring.md): a full re-run changes them all.
            await computeAllScores(pool);
          } else
            for (const jobId of await pendingJobs(pool)) {
              // A job loaded with `ingest --no-analyze` has had none of the after-ingest steps:
              // all of them run, in order; the detections report their progress and result.
              for (const step of AFTER_INGEST_STEPS) {
                if (step === detectionsStep) done.push(await analyzeJob(pool, jobId, { onProgress }));
                else await step.run(pool, jobId);
              }
            }
          bar?.stop();
          return done;
        } finally {
          await closePool();
        }
      });
      if (options.json) {
        console.log(JSON.stringify(options.full ? results[0] : results));
        return;
      }
      if (results.length === 0)
        console.log('Nothing to analyse: every ingest job has been analysed (use --full to re-run).');
      for (const result of results) {
        console.log(
          `Analysed ${result.events} events (${result.mode === 'full' ? 'full re-run' : 'one job'}): ` +
            `${result.findings} findings written in ${result.seconds.toFixed(1)} s.`,
        );
        for (const problem of result.ruleProblems)
          console.error(`  rule ${problem.ruleId} skipped: ${problem.message}`);
        if (result.missingRecords > 0)
          console.error(
            `  ${result.missingRecords} events had no readable raw record and were not evaluated.`,
          );
      }
    });

  program
    .command('findings')
    .description('List the findings (oldest first).')
    .option(
      '--json',
      'print [{id, ruleId, title, severity, principal, accountId, firstSeen, lastSeen, eventCount, eventIds}]',
    )
    .action(async (options: { json?: boolean }) => {
      const findings = await withDatabase(async () => {
        try {
          return await exportFindings(getPool());
        } finally {
          await closePool();
        }
      });
      if (options.json) {
        console.log(JSON.stringify(findings));
        return;
      }
      if (findings.length === 0) console.log('No findings.');
      for (const finding of findings) {
        console.log(
          `${finding.id.padStart(6)}  ${finding.severity.padEnd(8)} ${finding.ruleId.padEnd(5)} ${finding.title}\n` +
            `        ${printable(finding.principal)} (${finding.accountId}), ${finding.firstSeen} to ${finding.lastSeen}, ` +
            `${finding.eventCount} events`,
        );
      }
    });
}
