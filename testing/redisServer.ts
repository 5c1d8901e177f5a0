// A throwaway redis-server for the tests of several processes (Debian's redis-server, on a free
// port of 127.0.0.1, nothing written to disk). With CI=true a missing redis-server is an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const REDIS_SERVER = '/usr/bin/redis-server';

/** Whether the tests that need Redis can run here; in CI they must. */
export function redisAvailable(): boolean {
  const there = existsSync(REDIS_SERVER);
  if (!there && process.env.CI === 'true') throw new Error('redis-server must be installed in CI (apt-get install redis-server)');
  return there;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export interface RunningRedis {
  url: string;
  running(): boolean;
  /** Kills it (SIGKILL): every client loses its connection. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = performance.now() + 10_000;
    while (!(await answers(port))) {
      if (performance.now() > deadline) throw new Error(`redis-server did not listen on ${port} within 10 s`);
      await sleep(20);
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      running.kill('SIGKILL');
      await new Promise((resolve) => running.once('exit', resolve));
    },
    start,
  };
}
