// The deployment of deploy/ on one machine, for the failure tests and the benches: N Klantreis
// processes (`node apps/server/src/main.ts`) on one PostgreSQL and one redis-server, behind
// haproxy configured by deploy/haproxy.cfg. Everything on 127.0.0.1, on free ports, in
// temporary folders; every wait is bounded; `stop()` ends it all (and so does the test process
// exiting, so a crashed run leaves no servers behind).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../apps/server/src/collaboration/reliability/serverProcess.ts';
import { createToken, rememberToken } from '../apps/server/src/testCredentials.ts';
import { redisAvailable, startRedis, type RunningRedis } from './redisServer.ts';

export const HAPROXY = '/usr/sbin/haproxy';
export const HAPROXY_TEMPLATE = fileURLToPath(new URL('../deploy/haproxy.cfg', import.meta.url));
/** The header haproxy adds to every answer: the name of the process that gave it. */
export const PROCESS_HEADER = 'x-klantreis-process';

/** Whether haproxy is here; in CI it must be. */
export function haproxyAvailable(): boolean {
  const there = existsSync(HAPROXY);
  if (!there && process.env.CI === 'true') throw new Error('haproxy must be installed in CI (apt-get install haproxy)');
  return there;
}

/** Whether haproxy and redis-server are here, so the deployment can run; in CI they must be. */
export function clusterAvailable(): boolean {
  return haproxyAvailable() && redisAvailable();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * deploy/haproxy.cfg with its three `server` lines per backend replaced by one line per process
 * here (a, b, c, d, …, each at its address), everything else as deployed. haproxy reads the
 * rest of the template's variables from its environment, as in production.
 */
export function haproxyConfig(template: string, nodes: { name: string; address: string }[]): string {
  const serverLine = /^(\s*)server \w+ "\$\{KLANTREIS_NODE_[A-Z]\}"(.*)$/;
  const out: string[] = [];
  let replaced = 0;
  let previousWasServer = false;
  for (const line of template.split('\n')) {
    const match = serverLine.exec(line);
    // The first server line of a backend stands for all of them; the ones after it are dropped.
    if (match && !previousWasServer) {
      const [, indent, options] = match;
      for (const node of nodes) out.push(`${indent}server ${node.name} ${node.address}${options!.replace(/\btrack (\w+)\/\w+/, `track $1/${node.name}`)}`);
      replaced++;
    } else if (!match) {
      out.push(line);
    }
    previousWasServer = match !== null;
  }
  if (replaced === 0) throw new Error('deploy/haproxy.cfg has no server "${KLANTREIS_NODE_…}" lines to fill in');
  return out.join('\n');
}

/** haproxy's `show stat` over its admin socket: each server's state (UP, DOWN, MAINT, …) in a backend. */
async function serverStates(socketPath: string, backend: string): Promise<Record<string, string>> {
  const csv = await new Promise<string>((resolve, reject) => {
    const socket = connect(socketPath);
    let text = '';
    const timer = setTimeout(() => socket.destroy(new Error('haproxy stats socket did not answer within 2 s')), 2_000);
    socket.on('connect', () => socket.end('show stat\n'));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const status = columns.indexOf('status');
  const states: Record<string, string> = {};
  for (const row of rows) {
    const fields = row.split(',');
    if (fields[0] === backend && fields[1] !== 'BACKEND') states[fields[1]!] = fields[status]!;
  }
  return states;
}

export interface ClusterNode {
  /** KLANTREIS_NODE_NAME: the name in the leases and haproxy's server name (the X-Klantreis-Process header). */
  readonly name: string;
  /** The process's own address, past the proxy (its KLANTREIS_INTERNAL_URL). */
  readonly url: string;
  /** The current pid (a restart changes it). */
  readonly pid: number;
  /** SIGKILL: a crash, no shutdown code runs. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<void>;
  /** SIGSTOP: stands still, as cut off from everything; `resume` (SIGCONT) lets it go on. */
  pause(): void;
  resume(): void;
  running(): boolean;
  /** Starts it again (after kill9 or stop; stops it first when running) on the same port. */
  restart(): Promise<void>;
  output(): string;
}

export interface ClusterProxy {
  url: string;
  /** Each process's state in haproxy's eyes (UP, DOWN, "UP 1/2", …), by node name. */
  states(): Promise<Record<string, string>>;
  /** Waits until haproxy sees the named processes in `state` (UP by default), at most `timeoutMs`. */
  waitFor(names: string[], state?: string, timeoutMs?: number): Promise<void>;
  output(): string;
}

export interface RunningProxy extends ClusterProxy {
  /** SIGKILL, and its folder removed. */
  stop(): Promise<void>;
}

/**
 * haproxy with deploy/haproxy.cfg in front of `servers` (each a name and host:port), listening
 * on 127.0.0.1:`port`; resolves once its health checks see every server UP (at most `timeoutMs`).
 */
export async function startProxy(options: { servers: { name: string; address: string }[]; port: number; timeoutMs?: number }): Promise<RunningProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'klantreis-haproxy-'));
  const configPath = join(dir, 'haproxy.cfg');
  const statsSocket = join(dir, 'haproxy.sock');
  writeFileSync(configPath, haproxyConfig(readFileSync(HAPROXY_TEMPLATE, 'utf8'), options.servers));
  // -dR: without SO_REUSEPORT, so that a port taken since freePort() makes haproxy exit with
  // "Address already in use" instead of sharing the port with whoever took it.
  const child = spawn(HAPROXY, ['-db', '-dR', '-f', configPath], {
    env: {
      ...process.env,
      KLANTREIS_PROXY_BIND: `127.0.0.1:${options.port}`,
      KLANTREIS_PROXY_HOST: `127.0.0.1:${options.port}`,
      KLANTREIS_PROXY_STATS_SOCKET: statsSocket,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A test run that dies without stop() must not leave it listening.
  const onExit = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const proxy: RunningProxy = {
    url: `http://127.0.0.1:${options.port}`,
    states: () => serverStates(statsSocket, 'by_journey'),
    async waitFor(names, state = 'UP', timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const states = await serverStates(statsSocket, 'by_journey').catch(() => ({}) as Record<string, string>);
        if (names.every((name) => states[name] === state)) return;
        if (child.exitCode !== null) throw new Error(`haproxy has exited (${child.exitCode}):\n${output}`);
        if (performance.now() > deadline) throw new Error(`haproxy did not see ${names.join(', ')} ${state} within ${timeoutMs} ms: ${JSON.stringify(states)}\n${output}`);
        await sleep(50);
      }
    },
    output: () => output,
    async stop() {
      process.off('exit', onExit);
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    // haproxy counts a server UP from its start; two good checks each prove the health check
    // itself passes (the Host it sends is accepted), or it would drop them a second later.
    await sleep(1_200);
    await proxy.waitFor(
      options.servers.map((server) => server.name),
      'UP',
      options.timeoutMs,
    );
  } catch (error) {
    await proxy.stop();
    throw error;
  }
  return proxy;
}

export interface Cluster {
  /** The proxy's address: what people and editors use (KLANTREIS_PUBLIC_URL). */
  url: string;
  nodes: ClusterNode[];
  proxy: ClusterProxy;
  redis: RunningRedis;
  /** An owner's API token, good on every process (remembered for the proxy's and each process's address). */
  token: string;
  /** KLANTREIS_DATA, shared by all processes. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** How many server processes (3: the deployment of deploy/). */
  processes?: number;
  /** The PostgreSQL database they share (testing/testDatabase.ts makes a fresh one). */
  databaseUrl: string;
  /** Further variables for every process. */
  env?: NodeJS.ProcessEnv;
  /** KLANTREIS_SERVICES per process, by index (all three services when not given). */
  services?: (string | undefined)[];
  /** How long one process may take to start; the whole start is bounded by a few of these. */
  startTimeoutMs?: number;
}

const NAMES = 'abcdefghijklmnopqrstuvwxyz';

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const count = options.processes ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > NAMES.length) throw new Error(`1 to ${NAMES.length} processes, not ${count}`);
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const tempDir = mkdtempSync(join(tmpdir(), 'klantreis-cluster-'));
  const dataDir = join(tempDir, 'data');
  const children = new Set<{ kill(signal: NodeJS.Signals): void }>();
  // A test run that dies without stop() must not leave servers listening.
  const onExit = () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(tempDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  let redis: RunningRedis | null = null;
  let proxy: RunningProxy | null = null;
  let token = '';
  const nodes: ClusterNode[] = [];
  const ports = await Promise.all(Array.from({ length: count + 1 }, () => freePort()));
  const frontPort = ports.pop()!;
  const front = `http://127.0.0.1:${frontPort}`;

  try {
    redis = await startRedis();
    children.add({ kill: () => void redis?.stop() });
    // One secret for all: a session cookie signed by one process is good on every other.
    const authSecret = randomBytes(32).toString('hex');
    const makeNode = async (index: number, attempt = 1): Promise<ClusterNode> => {
      try {
        return await makeNodeOn(index);
      } catch (error) {
        // The free port was taken by another test between freePort() and the listen: another.
        if (attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
        ports[index] = await freePort();
        return makeNode(index, attempt + 1);
      }
    };
    const makeNodeOn = async (index: number): Promise<ClusterNode> => {
      const name = NAMES[index]!;
      const url = `http://127.0.0.1:${ports[index]}`;
      const env: NodeJS.ProcessEnv = {
        KLANTREIS_AUTH_SECRET: authSecret,
        ...options.env,
        KLANTREIS_REDIS_URL: redis!.url,
        KLANTREIS_NODE_NAME: name,
        KLANTREIS_INTERNAL_URL: url,
        KLANTREIS_PUBLIC_URL: front,
        KLANTREIS_TRUST_PROXY: '127.0.0.1',
        ...(options.services?.[index] ? { KLANTREIS_SERVICES: options.services[index] } : {}),
      };
      const start = async () => {
        const started = await startServerProcess(dataDir, { cluster: { port: ports[index]!, databaseUrl: options.databaseUrl, env }, timeoutMs: startTimeoutMs });
        children.add({ kill: (signal) => started.running() && process.kill(started.pid, signal) });
        return started;
      };
      let server: ServerProcess = await start();
      return {
        name,
        url,
        get pid() {
          return server.pid;
        },
        kill9: () => server.kill9(),
        stop: () => server.stop(),
        pause: () => server.pause(),
        resume: () => server.resume(),
        running: () => server.running(),
        async restart() {
          if (server.running()) await server.stop();
          server = await start();
        },
        output: () => server.output(),
      };
    };
    // The first start runs the migrations and makes the owner account; the others then find
    // them, so they start together once it listens.
    nodes.push(await makeNode(0));
    nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => makeNode(i + 1)))));

    proxy = await startProxy({ servers: nodes.map((node) => ({ name: node.name, address: new URL(node.url).host })), port: frontPort });
    // People sign in at the proxy's address (KLANTREIS_PUBLIC_URL) only; the token that gives
    // is kept in the shared database, so every process takes it.
    token = await createToken(front);
    for (const url of [front, ...nodes.map((node) => node.url)]) rememberToken(url, token);
  } catch (error) {
    process.off('exit', onExit);
    onExit();
    await proxy?.stop();
    await redis?.stop();
    const outputs = nodes.map((node) => `--- ${node.name}:\n${node.output()}`).join('\n');
    throw new Error(`${(error as Error).message}\n--- haproxy:\n${proxy?.output() ?? ''}\n${outputs}`, { cause: error });
  }
  const runningProxy = proxy;
  const runningRedis = redis;
  return {
    url: front,
    nodes,
    proxy: runningProxy,
    redis: runningRedis,
    token,
    dataDir,
    async stop() {
      process.off('exit', onExit);
      await runningProxy.stop();
      await Promise.all(
        nodes.map(async (node) => {
          node.resume();
          if (node.running()) await node.kill9();
        }),
      );
      await runningRedis.stop();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
