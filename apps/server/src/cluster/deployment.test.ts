import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { collabUrl } from '@klantreis/sync';
import { clusterAvailable, freePort, haproxyAvailable, PROCESS_HEADER, startCluster, startProxy, type Cluster, type RunningProxy } from '../../../../testing/clusterHarness.ts';
import { createTestDatabase } from '../../../../testing/testDatabase.ts';

// The deployment of deploy/ as it is shipped: three processes on one PostgreSQL and one Redis,
// behind haproxy with deploy/haproxy.cfg. What the proxy adds is tested here: every process is
// reached, a journey's socket and REST routes land on one process, /internal/ is closed from
// outside, and a killed process is taken out without a request failing. What the processes do
// when a request reaches the wrong one is in twoProcesses.test.ts; the failures in failover.test.ts.
// Then deploy/haproxy.cfg alone, in front of stand-ins for the processes, where a process can be
// made to die mid-request or leave and come back exactly: what the proxy retries and what it
// does not, and that consistent hashing moves only a leaving process's journeys. Last,
// deploy/run-local.sh itself: it starts the same deployment and ends all of it.

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl || !clusterAvailable())('the deployment: three processes behind haproxy, on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let token: string;

  beforeAll(async () => {
    cluster = await startCluster({ processes: 3, databaseUrl: await createTestDatabase(postgresUrl!) });
    token = cluster.token;
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  function api(base: string, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  }

  async function createJourney(title: string): Promise<string> {
    const response = await api(cluster.url, '/api/journeys', { method: 'POST', body: JSON.stringify({ title }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** The process haproxy hands an editor's socket for `journeyId` to: the 101 answer names it. */
  function socketProcess(journeyId: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(collabUrl(cluster.url, journeyId), { headers: { origin: cluster.url } });
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`no answer to the socket of ${journeyId} within 5 s`));
      }, 5_000);
      socket.once('upgrade', (response) => {
        clearTimeout(timer);
        socket.terminate();
        resolve(String(response.headers[PROCESS_HEADER]));
      });
      socket.once('unexpected-response', (_request, response) => {
        clearTimeout(timer);
        reject(new Error(`the socket of ${journeyId} was answered ${response.statusCode}`));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  it('reaches every process through the proxy, each alive and on the shared PostgreSQL', async () => {
    const seen = new Set<string>();
    // Round robin over the three: six requests name each at least once.
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${cluster.url}/api/health/live`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { status: string; node: string; services: string[] };
      expect(body.status).toBe('ok');
      expect(body.services.sort()).toEqual(['api', 'collab', 'worker']);
      // haproxy's name for the server is the process's own KLANTREIS_NODE_NAME.
      expect(response.headers.get(PROCESS_HEADER)).toBe(body.node);
      seen.add(body.node);
    }
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    for (const node of cluster.nodes) {
      const ready = await fetch(`${node.url}/api/health`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { database: string }).database).toBe('postgres');
    }
    expect(await cluster.proxy.states()).toEqual({ a: 'UP', b: 'UP', c: 'UP' });
  });

  it('makes a journey created through the proxy readable on every process directly', async () => {
    const journeyId = await createJourney('Door de proxy gemaakt');
    for (const base of [cluster.url, ...cluster.nodes.map((node) => node.url)]) {
      const response = await api(base, `/api/journeys/${journeyId}`);
      expect(response.status, `GET on ${base}`).toBe(200);
      expect(((await response.json()) as { journey: { title: string } }).journey.title).toBe('Door de proxy gemaakt');
    }
  });

  it('refuses /internal/ at the proxy, however the path is spelled, while the processes have the route', async () => {
    const body = JSON.stringify({ update: '' });
    const journeyId = await createJourney('Intern');
    // The route is there on a process (it refuses a stranger itself, without the cluster secret) …
    const direct = await api(cluster.nodes[0]!.url, `/internal/journeys/${journeyId}/updates`, { method: 'POST', body });
    expect(direct.status).not.toBe(404);
    // … and the proxy answers for it without asking any process.
    for (const path of [`/internal/journeys/${journeyId}/updates`, `/%69nternal/journeys/${journeyId}/updates`, `//internal/journeys/${journeyId}/updates`, '/INTERNAL/', '/internal']) {
      const response = await api(cluster.url, path, { method: 'POST', body });
      expect(response.status, path).toBe(403);
      expect(response.headers.get(PROCESS_HEADER), path).toBeNull();
    }
  });

  it('sends /collab?journey=X and /api/journeys/X/… to the same process, the journeys spread over all', async () => {
    const journeys = await Promise.all(Array.from({ length: 12 }, (_, i) => createJourney(`Affiniteit ${i}`)));
    const processes = new Set<string>();
    for (const journeyId of journeys) {
      const rest = await api(cluster.url, `/api/journeys/${journeyId}`);
      await rest.body?.cancel();
      const restProcess = rest.headers.get(PROCESS_HEADER)!;
      expect(['a', 'b', 'c']).toContain(restProcess);
      expect(await socketProcess(journeyId), journeyId).toBe(restProcess);
      // A deeper REST path and a second socket keep to it as well.
      const deeper = await api(cluster.url, `/api/journeys/${journeyId}/versions`);
      await deeper.body?.cancel();
      expect(deeper.headers.get(PROCESS_HEADER), journeyId).toBe(restProcess);
      expect(await socketProcess(journeyId), journeyId).toBe(restProcess);
      processes.add(restProcess);
    }
    // Twelve random ids on one process of three would be a broken hash (chance 3 in 531441).
    expect(processes.size).toBeGreaterThan(1);
  });

  it('takes a killed process out without a read failing from the moment of the kill, and back in once it is restarted', async () => {
    const journeys = await Promise.all(Array.from({ length: 9 }, (_, i) => createJourney(`Omvallen ${i}`)));
    const victim = cluster.nodes[2]!;
    const failures: string[] = [];
    let killedAt = Infinity;
    let stopping = false;
    // Reads of every journey keep going while the process dies. A read the process was
    // answering when it was killed may fail (it was sent; haproxy does not send it twice); every
    // read sent after must succeed: a refused connection is retried on another process (option
    // redispatch) before the health checks mark the process down.
    const reading = (async () => {
      while (!stopping) {
        for (const journeyId of journeys) {
          const sentAt = performance.now();
          const response = await api(cluster.url, `/api/journeys/${journeyId}`).catch((error: Error) => error);
          if (sentAt < killedAt) {
            if (response instanceof Response) await response.body?.cancel();
            continue;
          }
          if (response instanceof Error) failures.push(`${journeyId}: ${response.message} (${String((response.cause as Error | undefined)?.message)}) sent ${Math.round(sentAt - killedAt)} ms after the kill`);
          else {
            await response.body?.cancel();
            if (response.status !== 200) failures.push(`${journeyId}: ${response.status} from ${response.headers.get(PROCESS_HEADER)}`);
          }
        }
      }
    })();
    try {
      await sleep(300);
      killedAt = performance.now();
      await victim.kill9();
      await cluster.proxy.waitFor([victim.name], 'DOWN', 5_000);
      const downAfter = performance.now() - killedAt;
      // Two failed checks half a second apart: well within the 5 s an editor may wait.
      expect(downAfter).toBeLessThan(3_000);
      await sleep(500);
      for (const journeyId of journeys) {
        const response = await api(cluster.url, `/api/journeys/${journeyId}`);
        await response.body?.cancel();
        expect(response.headers.get(PROCESS_HEADER)).not.toBe(victim.name);
      }
      await victim.restart();
      await cluster.proxy.waitFor([victim.name], 'UP', 5_000);
    } finally {
      stopping = true;
      await reading;
      if (!victim.running()) await victim.restart();
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

/** A stand-in for a Klantreis process: alive for haproxy's checks, answering with its name, or dropping what it is sent. */
interface StandIn {
  name: string;
  address: string;
  /** Requests that reached it, as `METHOD path`, the health checks left out. */
  received: string[];
  /** Whether it closes the connection without answering, as a process killed mid-request. */
  dropping: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function standIn(name: string): Promise<StandIn> {
  const port = await freePort();
  let server: Server | null = null;
  const self: StandIn = {
    name,
    address: `127.0.0.1:${port}`,
    received: [],
    dropping: false,
    async start() {
      server = createServer((request, response) => {
        if (request.url === '/api/health/live') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', node: name, services: [] }));
          return;
        }
        self.received.push(`${request.method} ${request.url}`);
        request.resume();
        request.on('end', () => (self.dropping ? request.socket.destroy() : response.end(name)));
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async stop() {
      const running = server;
      server = null;
      if (!running) return;
      running.closeAllConnections();
      await new Promise((resolve) => running.close(resolve));
    },
  };
  await self.start();
  return self;
}

describe.skipIf(!haproxyAvailable())('deploy/haproxy.cfg in front of stand-in processes', () => {
  let standIns: StandIn[];
  let proxy: RunningProxy;

  beforeAll(async () => {
    standIns = await Promise.all(['a', 'b', 'c'].map((name) => standIn(name)));
    proxy = await startProxy({ servers: standIns, port: await freePort() });
  });
  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(standIns?.map((s) => s.stop()) ?? []);
  });

  /** Who answered: a stand-in's name, haproxy's status, or `closed` when the connection was cut without an answer. */
  async function answeredBy(path: string, init: RequestInit = {}): Promise<string> {
    const response = await fetch(`${proxy.url}${path}`, init).catch(() => null);
    if (!response) return 'closed';
    const text = await response.text();
    return response.ok ? text : `${response.status}`;
  }

  it('sends a read the process never answered to another, and a write only once', async () => {
    const [a] = standIns;
    a!.dropping = true;
    try {
      for (const s of standIns) s.received.length = 0;
      // Round robin: six reads pass the dropping process twice; each is answered by another.
      const reads = await Promise.all(Array.from({ length: 6 }, () => answeredBy('/api/journeys')));
      expect(reads.every((answer) => answer === 'b' || answer === 'c'), reads.join()).toBe(true);
      expect(a!.received.filter((r) => r.startsWith('GET')).length).toBeGreaterThan(0);
      // A write that reached the process may have been made there: it is not sent again.
      const writes = await Promise.all(Array.from({ length: 6 }, () => answeredBy('/api/journeys', { method: 'POST', body: '{}' })));
      const posts = standIns.flatMap((s) => s.received.filter((r) => r.startsWith('POST')));
      expect(posts.length).toBe(6);
      const dropped = a!.received.filter((r) => r.startsWith('POST')).length;
      expect(dropped).toBeGreaterThan(0);
      // haproxy passes the silent close on (or answers 502): the client learns it got no answer.
      expect(writes.filter((answer) => answer === 'closed' || answer === '502').length, writes.join()).toBe(dropped);
    } finally {
      a!.dropping = false;
    }
  });

  it('moves only the journeys of a process that leaves, and gives them back when it returns', async () => {
    const journeys = Array.from({ length: 60 }, (_, i) => `journey${i.toString(36)}x${(i * 7919).toString(36)}`);
    const placement = async () => {
      const rest = await Promise.all(journeys.map((id) => answeredBy(`/api/journeys/${id}/versions`)));
      const sockets = await Promise.all(journeys.map((id) => answeredBy(`/collab?protocol=6&journey=${id}`)));
      // Both ways to a journey reach the same process.
      expect(sockets).toEqual(rest);
      return rest;
    };
    const before = await placement();
    expect(new Set(before)).toEqual(new Set(['a', 'b', 'c']));
    const c = standIns[2]!;
    await c.stop();
    try {
      await proxy.waitFor(['c'], 'DOWN', 5_000);
      const during = await placement();
      journeys.forEach((id, i) => {
        if (before[i] === 'c') expect(['a', 'b'], id).toContain(during[i]);
        else expect(during[i], id).toBe(before[i]);
      });
    } finally {
      await c.start();
    }
    await proxy.waitFor(['c'], 'UP', 5_000);
    expect(await placement()).toEqual(before);
  });
});

const RUN_LOCAL = fileURLToPath(new URL('../../../../deploy/run-local.sh', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** deploy/run-local.sh waits on health checks with curl; in CI it must be there (.ci/run installs it). */
function curlAvailable(): boolean {
  const there = existsSync('/usr/bin/curl');
  if (!there && process.env.CI === 'true') throw new Error('curl must be installed in CI (apt-get install curl)');
  return there;
}

describe.skipIf(!postgresUrl || !clusterAvailable() || !curlAvailable())('deploy/run-local.sh', () => {
  /**
   * Stops run-local.sh as Ctrl-C does, so that it stops what it started: SIGKILL would leave its
   * PostgreSQL, Redis and processes running. SIGKILL only when it has not ended in 30 s.
   */
  async function stopRunLocal(script: ChildProcess, exited: Promise<number | null>): Promise<void> {
    running.delete(script);
    if (script.exitCode !== null || script.signalCode !== null) return;
    script.kill('SIGTERM');
    if ((await Promise.race([exited, sleep(30_000).then(() => 'still running')])) === 'still running') script.kill('SIGKILL');
  }
  /** Scripts not stopped yet: a test that timed out leaves its script here, for afterAll. */
  const running = new Set<ChildProcess>();
  afterAll(async () => {
    await Promise.all([...running].map((script) => stopRunLocal(script, new Promise((resolve) => script.once('exit', resolve)))));
  }, 40_000);

  /**
   * Starts run-local.sh on a free port and waits until it says it is up. Another test may take
   * the port before haproxy binds it: the script then says so, and it is started again on another.
   */
  async function startRunLocal(): Promise<{ script: ChildProcess; port: number; output: () => string; exited: Promise<number | null> }> {
    // Its own throwaway PostgreSQL where initdb is here (as people run it), else the tests' server.
    const ownPostgres = globSync('/usr/lib/postgresql/*/bin/initdb').length > 0;
    // One deadline for every attempt, well within the test's time.
    const deadline = performance.now() + 120_000;
    for (;;) {
      const port = await freePort();
      const script = spawn('bash', [RUN_LOCAL], {
        env: { ...process.env, KLANTREIS_PROXY_PORT: String(port), KLANTREIS_SAMPLES: 'off', DATABASE_URL: ownPostgres ? '' : await createTestDatabase(postgresUrl!), KLANTREIS_REDIS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(script);
      let output = '';
      script.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      script.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => script.once('exit', (code) => resolve(code)));
      const ended = () => script.exitCode !== null || script.signalCode !== null;
      while (!output.includes('Ctrl-C stops everything') && !ended() && performance.now() < deadline) await sleep(100);
      if (output.includes('Ctrl-C stops everything')) return { script, port, output: () => output, exited };
      await stopRunLocal(script, exited);
      // Only the script's own word that another listener has the port is worth another try.
      if (!output.includes(`port ${port} is taken`) || performance.now() > deadline) throw new Error(`run-local.sh did not come up:\n${output}`);
    }
  }

  it('starts PostgreSQL, Redis, three processes and haproxy, and stops every one of them when told', async () => {
    const { script, port, output: outputNow, exited } = await startRunLocal();
    try {
      const output = outputNow();
      expect(output).toContain(`behind haproxy:  http://127.0.0.1:${port}`);
      const pids = [...output.matchAll(/pid (\d+)/g)].map((match) => Number(match[1]));
      expect(pids.length).toBeGreaterThanOrEqual(4);
      const runDir = /logs\s+(\S+)\/logs\//.exec(output)![1]!;
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(response.status).toBe(200);
        await response.body?.cancel();
        seen.add(response.headers.get(PROCESS_HEADER)!);
      }
      expect([...seen].sort()).toEqual(['a', 'b', 'c']);
      expect((await fetch(`http://127.0.0.1:${port}/internal/journeys/x/updates`, { method: 'POST' })).status).toBe(403);

      // Ctrl-C in a terminal; SIGTERM here, as a test runner may start it with SIGINT ignored.
      script.kill('SIGTERM');
      expect(await Promise.race([exited, sleep(30_000).then(() => 'still running')])).not.toBe('still running');
      expect(outputNow()).toContain('run-local: stopping');
      expect(pids.filter(alive)).toEqual([]);
      expect(existsSync(runDir)).toBe(false);
    } finally {
      await stopRunLocal(script, exited);
    }
  }, 240_000);
});
