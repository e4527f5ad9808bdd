import path from 'node:path';
import type { Command } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { DEFAULT_DEMO_DAYS, DEFAULT_DEMO_EVENTS, DEFAULT_DEMO_SEED, generateDemoTrail } from '../../lib/demo';

interface DemoOptions {
  events: string;
  days: string;
  seed: string;
  out: string;
  digests: boolean;
  json?: boolean;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Write a realistic, deterministic demo organisation trail in the CloudTrail S3 layout (gzipped), with ten ' +
        'attack storylines hidden in benign activity and a ground-truth sidecar file.',
    )
    .option('--events <n>', 'approximate number of events', String(DEFAULT_DEMO_EVENTS))
    .option('--days <d>', 'days of activity, ending 2026-11-01', String(DEFAULT_DEMO_DAYS))
    .option('--seed <s>', 'random seed (same seed, same files)', String(DEFAULT_DEMO_SEED))
    .option('--out <dir>', 'output folder', 'demo-trail')
    .option('--no-digests', 'do not write CloudTrail-Digest files')
    .option('--json', 'print {files, digestFiles, events, truthFile, from, to} as JSON')
    .action(async (options: DemoOptions) => {
      const out = path.resolve(options.out);
      const result = await generateDemoTrail({
        events: positive(options.events, '--events'),
        days: positive(options.days, '--days'),
        seed: positive(options.seed, '--seed', 0),
        out,
        digests: options.digests,
      });
      if (options.json) {
        console.log(JSON.stringify(result));
        return;
      }
      console.log(
        `Wrote ${result.events} events in ${result.files} files (${result.digestFiles} digests) to ${out}\n` +
          `Ground truth: ${result.truthFile}\nLoad it with: npx trailhound ingest ${path.join(out, 'AWSLogs')}`,
      );
    });
}

function positive(value: string, flag: string, min = 1): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new UserFacingError(`${flag} must be a whole number of at least ${min}, got "${value}".`);
  }
  return number;
}
