import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { ensureAdminAccount } from '../../lib/auth/users';
import { projectRoot } from '../../lib/config/paths';
import { isPortFree } from '../../lib/db/embedded-postgres';
import { UserFacingError } from '../../lib/db/errors';
import { loadDemoIfEmpty } from './load-demo';
import { buildApp, buildIsCurrent, NEXT_BIN } from './next-build';
import { withDatabase } from './with-database';

interface ServeOptions {
  port: string;
  host: string;
  dev?: boolean;
  build: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the web app: resolve the database (embedded unless DATABASE_URL is set), migrate, create the first admin, build when needed, and serve.',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT)', process.env.PORT ?? '3000')
    .option('-H, --host <host>', 'address to bind', process.env.HOST ?? '0.0.0.0')
    .option('--dev', 'run the Next.js development server instead of a production build')
    .option('--no-build', 'never build; fail if no current production build exists')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new UserFacingError(`--port must be a number from 1 to 65535, got "${options.port}".`);
      }
      if (!(await isPortFree(port, options.host))) {
        throw new UserFacingError(
          `Port ${port} is already in use. Stop the program using it, or choose another with --port or PORT.`,
        );
      }
      await withDatabase(async (database) => {
        await ensureAdminAccount((line) => console.log(line));
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          DATABASE_URL: database.url,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: options.dev ? 'development' : 'production',
        };
        if (!options.dev && !buildIsCurrent()) {
          if (!options.build)
            throw new UserFacingError('No current production build; run `npm run build` first.');
          await buildApp(env);
        }
        console.log(`Trailhound is starting on http://localhost:${port} (database: ${database.source})`);
        // The demo loads beside the running server, so the login page is up at once and the
        // Ingest page shows the demo job's progress.
        const demo = loadDemoIfEmpty().catch((error: Error) =>
          console.error(`Demo trail not loaded: ${error.message}`),
        );
        await runNext(options.dev ? 'dev' : 'start', port, options.host, env);
        await demo;
      });
    });
}

/** Runs `next start|dev` in the foreground and forwards stop signals so the database stops after it. */
function runNext(mode: 'start' | 'dev', port: number, host: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, mode, '-p', String(port), '-H', host], {
      cwd: projectRoot,
      env,
      stdio: 'inherit',
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM' || code === 130 || code === 143)
        resolve();
      else reject(new UserFacingError(`The web server stopped unexpectedly (exit code ${code ?? signal}).`));
    });
  });
}
