import type { Command } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { closePool, getPool } from '../../lib/db/pg-pool';
import { computeAllScores } from '../../lib/scores/compute';
import { listPrincipalsByRisk } from '../../lib/scores/read';
import type { Contribution, PrincipalScore, ScoreWindow } from '../../lib/scores/types';
import { parseDay } from './parse-day';
import { withDatabase } from './with-database';

interface PrincipalsOptions {
  from?: string;
  to?: string;
  account?: string;
  search?: string;
  limit: string;
  recompute?: boolean;
  json?: boolean;
}

/** The `principals --json` row: a public interface, documented in README's CLI section. */
export interface PrincipalsJsonRow {
  principal: string;
  accountId: string;
  riskScore: number;
  learning: boolean;
  topContributions: Contribution[];
}

const TOP_CONTRIBUTIONS = 3;
const DAY_MS = 86_400_000;

export function registerPrincipalsCommand(program: Command): void {
  program
    .command('principals')
    .description(
      'List principals by risk score (0-100) over a window, default the last 7 days with events, with the ' +
        'contributions that explain each score.',
    )
    .option('--from <date>', 'first day of the window, YYYY-MM-DD (UTC)')
    .option('--to <date>', 'last day of the window, YYYY-MM-DD (UTC), inclusive')
    .option('--account <id>', 'only this AWS account')
    .option('--search <text>', 'only principals whose name, key or ARN contains this')
    .option('--limit <n>', 'at most this many principals', '50')
    .option('--recompute', 'rebuild every baseline and score from the stored events first')
    .option('--json', 'print [{principal, accountId, riskScore, learning, topContributions}] as JSON')
    .action(async (options: PrincipalsOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new UserFacingError(`--limit must be a whole number of at least 1, got "${options.limit}".`);
      }
      const window = parseWindow(options.from, options.to);
      const rows = await withDatabase(async () => {
        try {
          const pool = getPool();
          if (options.recompute) await computeAllScores(pool);
          const list = await listPrincipalsByRisk(
            { window, accountId: options.account, search: options.search, limit },
            pool,
          );
          return list?.rows ?? [];
        } finally {
          await closePool();
        }
      });
      const out = rows.map(toJsonRow);
      if (options.json) console.log(JSON.stringify(out));
      else printTable(out);
    });
}

function toJsonRow(row: PrincipalScore): PrincipalsJsonRow {
  return {
    principal: row.arn ?? row.principalKey,
    accountId: row.accountId,
    riskScore: row.riskScore,
    learning: row.learning,
    topContributions: row.contributions
      .slice(0, TOP_CONTRIBUTIONS)
      .map(({ feature, value, weight, contribution, evidence }) => ({
        feature,
        value,
        weight,
        contribution,
        evidence,
      })),
  };
}

function parseWindow(from: string | undefined, to: string | undefined): ScoreWindow | undefined {
  if (!from && !to) return undefined;
  if (!from || !to) throw new UserFacingError('--from and --to go together.');
  const window = { from: parseDay(from, '--from'), to: new Date(parseDay(to, '--to').getTime() + DAY_MS) };
  if (window.to <= window.from) throw new UserFacingError('--to must not be before --from.');
  return window;
}

function printTable(rows: PrincipalsJsonRow[]): void {
  if (rows.length === 0) {
    console.log('No scored principals. Ingest a trail first (npx trailhound ingest <folder>).');
    return;
  }
  for (const row of rows) {
    const why = row.topContributions
      .map((c) => `${c.feature}${c.evidence.ruleId ? ` ${c.evidence.ruleId}` : ''}`)
      .join(', ');
    console.log(
      `${row.riskScore.toFixed(1).padStart(5)}  ${row.learning ? 'learning ' : '         '}${row.accountId}  ${row.principal}` +
        (why ? `\n        ${why}` : ''),
    );
  }
}
