import type { Command } from 'commander';
import { migrate } from '../../lib/db/migrate';
import { resolveDatabase } from '../../lib/db/resolve-database';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Manage the database schema.');
  db.command('migrate')
    .description('Apply pending SQL migrations from prisma/migrations (safe to run repeatedly).')
    .option('--json', 'print {applied, alreadyApplied} as JSON')
    .action(async (options: { json?: boolean }) => {
      const database = await resolveDatabase();
      try {
        const result = await migrate(database.url);
        if (options.json) {
          console.log(JSON.stringify(result));
        } else if (result.applied.length) {
          console.log(`Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`);
        } else {
          console.log(`Database is up to date (${result.alreadyApplied.length} migrations applied).`);
        }
      } finally {
        await database.stop();
      }
    });
}
