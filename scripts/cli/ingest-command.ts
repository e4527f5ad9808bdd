import { type Command, Option } from 'commander';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { openIngestSource } from '../../lib/ingest/open-source';
import { createIngestJob, type JobSummary, runIngestJob } from '../../lib/ingest/run-job';
import { verifyJobDigests } from '../../lib/ingest/verify-job-digests';
import { parseDay } from './parse-day';
import { IngestProgressBar } from './progress-bar';
import { withDatabase } from './with-database';

interface IngestOptions {
  accounts?: string;
  regions?: string;
  from?: string;
  to?: string;
  analyze: boolean;
  json?: boolean;
  endpoint?: string;
  concurrency?: string;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest <source>')
    .description(
      'Load CloudTrail from a file, a folder (recursively) or s3://bucket/prefix. Files already loaded are skipped; ' +
        'the exit code is non-zero when any file failed.',
    )
    .option('--accounts <ids>', 'only these account ids (comma-separated)')
    .option('--regions <names>', 'only these regions (comma-separated)')
    .option('--from <date>', 'first delivery day to load, YYYY-MM-DD (UTC)')
    .option('--to <date>', 'last delivery day to load, YYYY-MM-DD (UTC)')
    .option('--no-analyze', 'skip the analysis that otherwise runs on the new events')
    .option('--json', 'print one JSON summary on stdout instead of progress')
    .option('--endpoint <url>', 'S3-compatible endpoint (env TRAILHOUND_S3_ENDPOINT)')
    .addOption(new Option('--concurrency <n>', 'files loaded at once').default(undefined))
    .action(async (target: string, options: IngestOptions) => {
      const filters = {
        accounts: splitList(options.accounts),
        regions: splitList(options.regions),
        from: parseOptionalDay(options.from, '--from'),
        to: parseOptionalDay(options.to, '--to'),
      };
      const summary = await withDatabase(async () => {
        try {
          const pool = getPool();
          const source = openIngestSource(target, { endpoint: options.endpoint });
          const jobId = await createIngestJob(pool, source, { filters });
          const bar = options.json || !process.stderr.isTTY ? null : new IngestProgressBar();
          const result = await runIngestJob(pool, jobId, source, {
            filters,
            concurrency: options.concurrency ? Number(options.concurrency) : undefined,
            onProgress: (progress) => bar?.update(progress),
            verifyDigests: (id, files) => verifyJobDigests(pool, id, files),
          });
          bar?.stop();
          if (options.analyze && result.eventsInserted > 0)
            await runAfterIngest(pool, jobId, AFTER_INGEST_STEPS, { quiet: options.json });
          return result;
        } finally {
          await closePool();
        }
      });
      if (options.json) console.log(JSON.stringify(summary));
      else printSummary(summary);
      if (summary.filesFailed > 0) process.exitCode = 1;
    });
}

function splitList(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function parseOptionalDay(value: string | undefined, flag: string): Date | undefined {
  return value ? parseDay(value, flag) : undefined;
}

function printSummary(summary: JobSummary): void {
  console.log(
    `Job ${summary.jobId}: ${summary.filesDone}/${summary.filesTotal} files loaded` +
      (summary.filesSkipped ? ` (${summary.filesSkipped} already loaded before)` : '') +
      `, ${summary.filesFailed} failed. Events: ${summary.eventsInserted} new, ${summary.eventsDuplicate} duplicate, ` +
      `${summary.eventsRejected} rejected.` +
      (summary.digestMismatches ? ` ${summary.digestMismatches} DIGEST MISMATCHES (integrity problem).` : ''),
  );
  for (const error of summary.errors) console.error(`  ${error.file}: ${error.message}`);
}
