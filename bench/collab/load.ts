// Load benchmark of the collaboration server (issue 5), on loopback, against the real server
// in a child process (bench/collab/benchServer.ts):
//
// 1. 20 editors × 20 edits a second for 60 s, plus an observing editor: the broadcast latency
//    (an editor's edit until the observer has it) at p50/p95/p99. Goal: p95 ≤ 50 ms, p99 ≤ 100 ms.
// 2. The server's memory once all have disconnected and it has given memory back (it does so
//    itself 20 s after its last document closed), after a full GC, against its memory idle
//    before the first editor came. Goal: within 10%.
// 3. 200 open documents with 2 editors each: the server's resident memory. Goal: under 1 GB.
//
// The editors run in worker threads (HocuspocusProvider over real websockets), so the
// observer's clock is not held up by their work.
//
// Run: node bench/collab/load.ts [seconds=60] [editors=20] [editsPerSecond=20] [documents=200] [rounds=2]
// KLANTREIS_BENCH_PROFILE=<dir> writes a CPU profile of the server there.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import type { LaneId, PhaseId, StepId } from '@klantreis/schema';
import { addStep, journeyFromDoc, recordsOf, setCellText, updateRecord } from '@klantreis/sync';
import { connectEditor, type EditorConnection } from '../../apps/server/src/collaboration/reliability/editorConnection.ts';
import { serverAllocator } from '../../apps/server/src/mallocSettings.ts';
import type { ServerReport, ServerRequest } from './benchServer.ts';
import { authorizedFetch, createToken, rememberToken, tokenFor, TEST_OWNER_ENV } from '@klantreis/server/testCredentials';

/** The absolute time in milliseconds with sub-millisecond precision, comparable across threads. */
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- editors (worker threads)

interface EditorsJob {
  url: string;
  /** An owner's API token: the editors sign in as a script does. */
  token: string;
  /** One journey per editor (phase 3) or the same for all (phase 1). */
  journeyIds: string[];
  firstEditor: number;
  editsPerSecond: number;
  durationMs: number;
}

type FromEditors = { type: 'ready' } | { type: 'done'; edits: number };

async function runEditors(job: EditorsJob): Promise<void> {
  // The editors stand for people on other machines: on this one they must not take the
  // CPU from the server or the observer, whose clocks are measured. (On Linux this lowers
  // the priority of this worker thread only.)
  setPriority(10);
  const editors: EditorConnection[] = job.journeyIds.map((id) => connectEditor(job.url, id, { reconnectDelayMs: 500, token: job.token }));
  await Promise.all(editors.map((editor) => editor.synced(60_000)));
  // Each editor edits a step of its own: its title carries the moment of the edit.
  const own = editors.map((editor, i) => {
    const journey = journeyFromDoc(editor.doc);
    const phaseId = journey.phases[0]!.id as PhaseId;
    return { stepId: addStep(editor.doc, { phaseId, title: `e${job.firstEditor + i}` }), laneId: journey.lanes[0]!.id as LaneId };
  });
  await Promise.all(editors.map((editor) => editor.synced(60_000)));
  parentPort!.postMessage({ type: 'ready' } satisfies FromEditors);
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));

  let edits = 0;
  const intervalMs = 1000 / job.editsPerSecond;
  const timers = editors.map((editor, i) => {
    let seq = 0;
    const tick = () => {
      seq++;
      updateRecord(editor.doc, own[i]!.stepId, { title: `e${job.firstEditor + i}:${seq}:${now().toFixed(3)}` });
      // Some typing in a cell too, as a workshop does; it is not timed.
      if (seq % 4 === 0) setCellText(editor.doc, own[i]!.laneId, own[i]!.stepId, `cel ${seq}`);
      edits++;
    };
    // Spread the editors over the interval instead of all at once.
    const start = setTimeout(() => timers[i]!.interval = setInterval(tick, intervalMs), (intervalMs * i) / editors.length);
    return { start, interval: undefined as NodeJS.Timeout | undefined };
  });
  await sleep(job.durationMs);
  for (const timer of timers) {
    clearTimeout(timer.start);
    clearInterval(timer.interval);
  }
  await Promise.all(editors.map((editor) => editor.synced(30_000)));
  for (const editor of editors) editor.close();
  parentPort!.postMessage({ type: 'done', edits } satisfies FromEditors);
}

if (!isMainThread) {
  await runEditors(workerData as EditorsJob);
} else {
  await main();
}

// ---------------------------------------------------------------- the bench (main thread)

interface EditorsHandle {
  ready: Promise<void>;
  start(): void;
  done: Promise<number>;
}

function startEditors(job: EditorsJob): EditorsHandle {
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: FromEditors) => {
      if (message.type === 'ready') markReady();
      else resolve(message.edits);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`editors worker exited with ${code}`)));
  });
  return { ready, done, start: () => worker.postMessage('start') };
}

interface BenchServer {
  url: string;
  report(gc: boolean, resetLoopDelay?: boolean): Promise<ServerReport>;
  stop(): Promise<void>;
}

async function startBenchServer(dataDir: string): Promise<BenchServer> {
  // The server's allocator as `npm start` chooses it (launch.ts).
  const { allocator, env } = serverAllocator(process.env);
  console.log(`server allocator: ${allocator}${env.LD_PRELOAD ? ` (${env.LD_PRELOAD}, MALLOC_CONF=${env.MALLOC_CONF})` : ''}`);
  const child: ChildProcess = fork(fileURLToPath(new URL('./benchServer.ts', import.meta.url)), {
    execArgv: ['--expose-gc', ...(process.env.KLANTREIS_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KLANTREIS_BENCH_PROFILE}`] : [])],
    env: { ...env, ...TEST_OWNER_ENV, PORT: '0', HOST: '127.0.0.1', KLANTREIS_DATA: dataDir, KLANTREIS_SAMPLES: 'off', KLANTREIS_WEB_DIST: join(dataDir, 'none'), DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { type: string; address: string }) => resolve(message.address));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const port = new URL(address).port;
  const url = `http://127.0.0.1:${port}`;
  rememberToken(url, await createToken(url));
  let lastRequest = 0;
  return {
    url,
    report(gc, resetLoopDelay = false) {
      const id = ++lastRequest;
      return new Promise((resolve) => {
        const onMessage = (message: { type: string; id: number; report: ServerReport }) => {
          if (message.type !== 'report' || message.id !== id) return;
          child.off('message', onMessage);
          resolve(message.report);
        };
        child.on('message', onMessage);
        child.send({ type: 'report', id, gc, resetLoopDelay } satisfies ServerRequest);
      });
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function createJourney(url: string, title: string): Promise<string> {
  const response = await authorizedFetch(`${url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  return ((await response.json()) as { id: string }).id;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Records, on the observer, how long each timed title edit took to arrive. */
function watchLatency(observer: EditorConnection): { latencies: number[]; stop(): void } {
  const latencies: number[] = [];
  const seen = new Set<string>();
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const arrived = now();
    for (const event of events) {
      if (!(event.target instanceof Y.Text)) continue;
      const [editor, seq, sentAt] = event.target.toString().split(':');
      if (sentAt === undefined || seen.has(`${editor}:${seq}`)) continue;
      seen.add(`${editor}:${seq}`);
      latencies.push(arrived - Number(sentAt));
    }
  };
  recordsOf(observer.doc).observeDeep(onChange);
  return { latencies, stop: () => recordsOf(observer.doc).unobserveDeep(onChange) };
}

async function waitForUnload(server: BenchServer, timeoutMs = 30_000): Promise<ServerReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await server.report(false);
    if ((report.documents === 0 && report.connections === 0) || Date.now() > deadline) return report;
    await sleep(250);
  }
}

/** Waits until the server has released memory more than `after` times (it does so 20 s after its last document closed). */
async function waitForRelease(server: BenchServer, after: number, timeoutMs = 60_000): Promise<ServerReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await server.report(false);
    if (report.memoryReleases > after) return report;
    if (Date.now() > deadline) throw new Error(`the server did not release memory within ${timeoutMs / 1000} s of being idle`);
    await sleep(250);
  }
}

/** Phases 1 and 2: editors on one journey, the latency, then the memory once they have left. */
async function latencyAndMemoryRound(server: BenchServer, journeyId: string, atStart: ServerReport, options: { round: number; seconds: number; editorCount: number; editsPerSecond: number; threads: number }): Promise<void> {
  const { round, seconds, editorCount, editsPerSecond, threads } = options;
  const observer = connectEditor(server.url, journeyId);
  await observer.synced();
  const groups = Array.from({ length: threads }, (_, t) => {
    const count = Math.floor(editorCount / threads) + (t < editorCount % threads ? 1 : 0);
    const first = t * Math.ceil(editorCount / threads);
    return startEditors({ url: server.url, token: tokenFor(server.url), journeyIds: Array.from({ length: count }, () => journeyId), firstEditor: first, editsPerSecond, durationMs: seconds * 1000 });
  });
  await Promise.all(groups.map((group) => group.ready));
  const watch = watchLatency(observer);
  await server.report(false, true);
  let peakRss = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peakRss = Math.max(peakRss, (await server.report(false)).rssMb);
      await sleep(1000);
    }
  })();
  const started = now();
  for (const group of groups) group.start();
  const edits = (await Promise.all(groups.map((group) => group.done))).reduce((a, b) => a + b, 0);
  const elapsed = (now() - started) / 1000;
  running = false;
  await sampling;
  await sleep(500);
  watch.stop();
  const during = await server.report(false);
  const sorted = [...watch.latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const p99 = percentile(sorted, 99);
  console.log(
    `\n1. round ${round}, broadcast latency: ${edits} edits in ${elapsed.toFixed(1)} s (${Math.round(edits / elapsed)}/s), ${sorted.length} timed at the observer: ` +
      `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms ` +
      `(goal p95 ≤ 50, p99 ≤ 100: ${p95 <= 50 && p99 <= 100 ? 'met' : 'NOT met'})`,
  );
  console.log(`   server event loop delay during the run: p99 ${during.loopDelayP99Ms} ms, max ${during.loopDelayMaxMs} ms; peak RSS ${peakRss} MB`);
  observer.close();

  // 2. Memory once everyone has left. The server gives memory back by itself once it has been
  // idle for 20 s (IdleMemoryRelease); sampled 2 s after the last editor left, when that has
  // happened, and 15 s later.
  const releasesBefore = (await server.report(false)).memoryReleases;
  await waitForUnload(server);
  const leftAt = now();
  await sleep(2_000);
  const soon = await server.report(true);
  await waitForRelease(server, releasesBefore);
  const releasedAfterS = (now() - leftAt) / 1000;
  const released = await server.report(true);
  await sleep(15_000);
  const afterwards = await server.report(true);
  const settling = [soon.rssMb, released.rssMb, afterwards.rssMb];
  console.log(
    `   RSS after GC: ${settling[0]} MB 2 s after the last editor left, ${settling[1]} MB once the server released memory (${releasedAfterS.toFixed(0)} s), ` +
      `${settling[2]} MB 15 s later; own pages ${afterwards.rssAnonMb} MB at the end`,
  );
  const growth = (afterwards.rssMb / atStart.rssMb - 1) * 100;
  console.log(
    `2. round ${round}, server after all disconnected (after GC): RSS ${afterwards.rssMb} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}% of the start), ` +
      `heap ${afterwards.heapUsedMb} MB used of ${afterwards.heapTotalMb} MB (start ${atStart.heapUsedMb} of ${atStart.heapTotalMb} MB), external ${afterwards.externalMb} MB (start ${atStart.externalMb} MB), ` +
      `documents open ${afterwards.documents} (goal within 10%: ${growth <= 10 ? 'met' : 'NOT met'})`,
  );
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 60);
  const editorCount = Number(process.argv[3] ?? 20);
  const editsPerSecond = Number(process.argv[4] ?? 20);
  const documentCount = Number(process.argv[5] ?? 200);
  const rounds = Number(process.argv[6] ?? 2);
  const threads = 2;
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-load-'));
  const server = await startBenchServer(dataDir);
  try {
    console.log(`load: ${editorCount} editors × ${editsPerSecond} edits/s for ${seconds} s + 1 observer; then ${documentCount} documents × 2 editors`);
    console.log(`machine: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} before the start`);
    const journeyId = await createJourney(server.url, 'Load');
    // Creating the journey opened and closed its document: the start is the server idle after that.
    await waitForRelease(server, 0);
    const atStart = await server.report(true);
    console.log(`server at start (after GC): RSS ${atStart.rssMb} MB (own pages ${atStart.rssAnonMb} MB), heap ${atStart.heapUsedMb} MB used of ${atStart.heapTotalMb} MB, external ${atStart.externalMb} MB`);

    // 1 and 2, twice: a second round shows whether what the first leaves behind is a
    // high-water mark or grows with every round.
    for (let round = 1; round <= rounds; round++) {
      await latencyAndMemoryRound(server, journeyId, atStart, { round, seconds, editorCount, editsPerSecond, threads });
    }

    // 3. Many open documents.
    const ids: string[] = [];
    for (let i = 0; i < documentCount; i++) ids.push(await createJourney(server.url, `Doc ${i}`));
    const perThread = Math.ceil(documentCount / threads);
    const manyGroups = Array.from({ length: threads }, (_, t) => {
      const mine = ids.slice(t * perThread, (t + 1) * perThread);
      // Two editors per document, each making 2 edits a second for a few seconds.
      return startEditors({ url: server.url, token: tokenFor(server.url), journeyIds: [...mine, ...mine], firstEditor: 1000 + t * 2 * perThread, editsPerSecond: 2, durationMs: 5_000 });
    });
    await Promise.all(manyGroups.map((group) => group.ready));
    const open = await server.report(false);
    const openAfterGc = await server.report(true);
    console.log(
      `3. ${open.documents} documents open with ${open.connections} editors: RSS ${open.rssMb} MB (${openAfterGc.rssMb} MB after GC), heap ${openAfterGc.heapUsedMb} MB ` +
        `(goal under 1 GB: ${open.rssMb < 1024 ? 'met' : 'NOT met'})`,
    );
    for (const group of manyGroups) group.start();
    await Promise.all(manyGroups.map((group) => group.done));
    const busy = await server.report(false);
    console.log(`   after 5 s of 2 edits/s per editor: RSS ${busy.rssMb} MB`);
    await waitForUnload(server, 60_000);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
