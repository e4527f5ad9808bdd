import { Command, CommanderError } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { registerDbCommands } from './db-command';
import { registerIngestCommand } from './ingest-command';
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
registerUserCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof UserFacingError) {
    console.error(`trailhound: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
