// Starts a throwaway PostgreSQL cluster for the test run, so the storage and API tests run
// against a real server and not only SQLite. With CI=true a missing PostgreSQL is an error;
// on a developer machine without it, the PostgreSQL tests are skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];

function findBinary(name: string): string | undefined {
  return BIN_DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

export interface RunningPostgres {
  url: string;
  /** Stops the server as a crash would (immediate), keeping its data, for a restart test. */
  halt(): void;
  /** Starts it again on the same port and data after `halt`. */
  resume(): void;
  stop(): void;
}

export async function startPostgres(): Promise<RunningPostgres | { unavailable: string }> {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) return { unavailable: 'initdb/pg_ctl not found (apt-get install postgresql)' };
  const dir = mkdtempSync(join(tmpdir(), 'klantreis-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const run = (command: string, args: string[]) => {
    const [cmd, argv] = asPostgresUser(command, args);
    const result = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run(initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const start = () => run(pgCtl, ['-D', dataDir, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt: () => run(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop']),
    resume: start,
    stop: () => {
      const [cmd, argv] = asPostgresUser(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop']);
      spawnSync(cmd, argv);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
