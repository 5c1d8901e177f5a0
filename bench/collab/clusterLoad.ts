// The figures of issue 15: several Klantreis processes on PostgreSQL and Redis behind haproxy
// (testing/clusterHarness.ts, deploy/haproxy.cfg), under the same load as one process, paired
// in one run so the ratio compares like with like:
//
//   A. 3 processes × `documents` journeys × `editorsPerDocument` editors, each editor changing
//      the title of its own step every 1/`editsPerEditorPerSecond` seconds;
//   B. the same load on 1 process, through the same proxy, PostgreSQL and Redis.
//
// Each configuration gets a fresh cluster on a fresh database of one throwaway PostgreSQL, a
// warm-up, then a measured window of `seconds`:
// - broadcast latency: an edit until an observing editor of the journey has it (one observer
//   on every OBSERVE_EVERY-th journey; the edit's moment travels in the title, as in load.ts);
// - store write: an edit until the server acknowledges it to its editor, which it does only once
//   the update's row is committed in PostgreSQL (the write as the editor sees it);
// - RSS per process (VmRSS), CPU per process (/proc/<pid>/stat) and the machine's load average.
// Then, in A only: kill -9 of the process owning the most journeys while the load goes on; for
// its journeys' editors the time until each is connected, synced and has nothing unacknowledged,
// and a check that nothing acknowledged before the kill was lost.
//
// The editors run in worker threads at a lower priority (they stand for people on other
// machines), so the clocks of the observers and of the processes measured are not held up.
// The approach is load.ts's; its helpers cannot be imported (load.ts runs its bench when
// loaded and exports nothing), so the few lines of timing and percentiles are written here.
//
// Run: node bench/collab/clusterLoad.ts [seconds=60] [documents=200] [editorsPerDocument=5] [editsPerEditorPerSecond=0.33]
import { readFileSync } from 'node:fs';
import { cpus, loadavg, setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import * as Y from 'yjs';
import { WebSocketStatus } from '@hocuspocus/provider';
import type { PhaseId, StepId } from '@klantreis/schema';
import { addStep, journeyFromDoc, recordsOf, updateRecord } from '@klantreis/sync';
import { connectEditor, readDocumentFromServer, type EditorConnection } from '../../apps/server/src/collaboration/reliability/editorConnection.ts';
import { containsSnapshot, missingFrom } from '../../apps/server/src/collaboration/reliability/stateContainment.ts';
import { authorizedFetch } from '../../apps/server/src/testCredentials.ts';
import { startCluster, type Cluster } from '../../testing/clusterHarness.ts';
import { startPostgres } from '../../testing/postgresServer.ts';
import { createTestDatabase } from '../../testing/testDatabase.ts';

/** The absolute time in milliseconds, sub-millisecond, comparable across threads (as in load.ts). */
const now = () => performance.timeOrigin + performance.now();

/** Worker threads for the editors: a few, so one busy event loop does not delay all acknowledgements. */
const EDITOR_THREADS = 4;
/** An observer on every 4th journey: enough samples, while the main thread stays mostly idle. */
const OBSERVE_EVERY = 4;
/** The editors' reconnect delay, as in the failover tests (the provider's default waits longer). */
const RECONNECT_DELAY_MS = 200;
/** Editing before the measured window, so journeys are loaded and leases taken everywhere. */
const WARM_UP_MS = 10_000;
/** How long an editor may take to come back after the kill before it counts as not back. */
const FAILOVER_LIMIT_MS = 30_000;

// ---------------------------------------------------------------- editors (worker threads)

interface EditorsJob {
  url: string;
  token: string;
  /** The journeys of this thread, with the number of the first editor of each. */
  journeys: { id: string; firstEditor: number }[];
  editorsPerDocument: number;
  intervalMs: number;
}

type ToEditors =
  | { type: 'start' }
  | { type: 'stats'; from: number; to: number }
  | { type: 'failover'; killedAt: number; journeyIds: string[] }
  | { type: 'stop' };

/** A state an editor had when the server had acknowledged all of it, encoded (Y.encodeSnapshot) to cross threads. */
interface AcknowledgedState {
  journeyId: string;
  editor: number;
  snapshot: Uint8Array;
}

type FromEditors =
  | { type: 'ready' }
  | { type: 'stats'; storeWriteMs: number[]; edits: number; neverAcknowledged: number }
  | { type: 'acknowledgedAtKill'; states: AcknowledgedState[]; missing: number }
  | { type: 'recovered'; times: number[]; opened: number[]; synced: number[]; notBack: string[] }
  | { type: 'stopped'; edits: number; notSynced: number; finalStates: AcknowledgedState[] };

interface TimedEditor {
  journeyId: string;
  number: number;
  connection: EditorConnection;
  stepId: StepId;
  /** The moments of the edits the server has not acknowledged yet, oldest first. */
  pending: number[];
  /** [moment of the edit, ms until acknowledged] */
  acknowledgements: [number, number][];
  /**
   * The last states acknowledged in full, with when. A few, not one: the worker may hear of a
   * kill only after its fastest editors have been acknowledged by the new owner.
   */
  acknowledged: { at: number; snapshot: Y.Snapshot }[];
  /** When its socket last opened and its provider last synced, and the refusals it had: the failover is timed by these. */
  openedAt: number;
  syncedAt: number;
  refusals: string[];
  seq: number;
}

async function runEditors(job: EditorsJob): Promise<void> {
  // Lower priority for this thread only (Linux): the server processes and observers are measured.
  setPriority(10);
  const editors: TimedEditor[] = [];
  // Connect a few journeys at a time: 1,000 sockets at once would measure the stampede.
  for (let i = 0; i < job.journeys.length; i += 10) {
    const batch = job.journeys.slice(i, i + 10).flatMap((journey) =>
      Array.from({ length: job.editorsPerDocument }, (_, k) => ({
        journeyId: journey.id,
        number: journey.firstEditor + k,
        connection: connectEditor(job.url, journey.id, { token: job.token, reconnectDelayMs: RECONNECT_DELAY_MS }),
      })),
    );
    await Promise.all(batch.map((editor) => editor.connection.synced(60_000)));
    for (const editor of batch) {
      // Each editor changes a step of its own, so every edit is one update with one acknowledgement.
      const phaseId = journeyFromDoc(editor.connection.doc).phases[0]!.id as PhaseId;
      const stepId = addStep(editor.connection.doc, { phaseId, title: `e${editor.number}` });
      editors.push({ ...editor, stepId, pending: [], acknowledgements: [], acknowledged: [], openedAt: now(), syncedAt: now(), refusals: [], seq: 0 });
    }
    await Promise.all(batch.map((editor) => editor.connection.synced(60_000)));
  }
  for (const editor of editors) {
    const { provider, doc, socket } = editor.connection;
    // Recorded all along, not from when this thread hears of a kill: its fastest editors may be
    // back before that message is read.
    socket.on('status', ({ status }: { status: WebSocketStatus }) => status === WebSocketStatus.Connected && (editor.openedAt = now()));
    provider.on('synced', () => (editor.syncedAt = now()));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => editor.refusals.push(reason));
    // Hocuspocus counts one unsynced change per update sent and takes one off per acknowledgement
    // (in order), so the oldest pending edits are the ones acknowledged.
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      const at = now();
      while (editor.pending.length > number) {
        const sentAt = editor.pending.shift()!;
        editor.acknowledgements.push([sentAt, at - sentAt]);
      }
      if (number === 0 && provider.isSynced) {
        editor.acknowledged.push({ at, snapshot: Y.snapshot(doc) });
        if (editor.acknowledged.length > 8) editor.acknowledged.shift();
      }
    });
  }
  const post = (message: FromEditors) => parentPort!.postMessage(message);
  post({ type: 'ready' });

  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  const edit = (editor: TimedEditor) => {
    editor.seq++;
    const sentAt = now();
    updateRecord(editor.connection.doc, editor.stepId, { title: `e${editor.number}:${editor.seq}:${sentAt.toFixed(3)}` });
    editor.pending.push(sentAt);
    edits++;
  };
  const encode = (editor: TimedEditor, snapshot: Y.Snapshot): AcknowledgedState => ({ journeyId: editor.journeyId, editor: editor.number, snapshot: Y.encodeSnapshot(snapshot) });

  parentPort!.on('message', (message: ToEditors) => {
    switch (message.type) {
      case 'start':
        editors.forEach((editor, i) => {
          // Spread over the interval, so the edits come as a steady stream, not in waves.
          const first = setTimeout(() => {
            edit(editor);
            timers.push(setInterval(() => edit(editor), job.intervalMs));
          }, (job.intervalMs * i) / editors.length);
          timers.push(first);
        });
        break;
      case 'stats':
        post({
          type: 'stats',
          storeWriteMs: editors.flatMap((editor) => editor.acknowledgements.filter(([sentAt]) => sentAt >= message.from && sentAt < message.to).map(([, ms]) => ms)),
          edits,
          // Editors whose edits were never all acknowledged at once since they connected: a sign of a counter that went wrong.
          neverAcknowledged: editors.filter((editor) => editor.acknowledged.length === 0).length,
        });
        break;
      case 'failover': {
        const hit = editors.filter((editor) => message.journeyIds.includes(editor.journeyId));
        // The last state acknowledged before the kill (a dead process acknowledges nothing more;
        // the new owner may have, by the time this message is read).
        const before = hit.map((editor) => ({ editor, state: editor.acknowledged.filter((state) => state.at < message.killedAt).at(-1) }));
        post({
          type: 'acknowledgedAtKill',
          states: before.flatMap(({ editor, state }) => (state ? [encode(editor, state.snapshot)] : [])),
          missing: before.filter(({ state }) => !state).length,
        });
        const since = (at: number) => (at > message.killedAt ? at - message.killedAt : -1);
        void Promise.all(
          hit.map(async (editor) => {
            const { socket, provider } = editor.connection;
            // Back = on a socket opened after the kill (the old one may look open for a moment,
            // until the proxy closes it), synced on it, and nothing unacknowledged (its edits go on).
            while (now() < message.killedAt + FAILOVER_LIMIT_MS) {
              const reopened = editor.openedAt > message.killedAt && editor.syncedAt >= editor.openedAt;
              if (reopened && socket.status === WebSocketStatus.Connected && provider.isSynced && !provider.hasUnsyncedChanges) return now() - message.killedAt;
              await sleep(10);
            }
            return -1;
          }),
        ).then((times) =>
          post({
            type: 'recovered',
            times,
            opened: hit.map((editor) => since(editor.openedAt)),
            synced: hit.map((editor) => since(editor.syncedAt)),
            notBack: hit.flatMap(({ journeyId, connection: { socket, provider }, openedAt, syncedAt, refusals }, i) =>
              times[i]! >= 0
                ? []
                : [`${journeyId}: socket ${socket.status}, synced ${provider.isSynced}, unsynced ${provider.unsyncedChanges}, opened ${since(openedAt).toFixed(0)} ms, synced ${since(syncedAt).toFixed(0)} ms after the kill, refused ${refusals.length}× ${refusals.at(-1) ?? ''}`],
            ),
          }),
        );
        break;
      }
      case 'stop':
        for (const timer of timers) {
          clearTimeout(timer);
          clearInterval(timer);
        }
        void (async () => {
          const results = await Promise.allSettled(editors.map((editor) => editor.connection.synced(30_000)));
          // Every editor's final state, once all is acknowledged: the main thread checks those
          // of the journeys whose process was killed against a fresh reader.
          const finalStates = editors.filter((editor) => !editor.connection.provider.hasUnsyncedChanges).map((editor) => encode(editor, Y.snapshot(editor.connection.doc)));
          for (const editor of editors) editor.connection.close();
          post({ type: 'stopped', edits, notSynced: results.filter((result) => result.status === 'rejected').length, finalStates });
        })();
        break;
    }
  });
}

// ---------------------------------------------------------------- the bench (main thread)

/** A worker thread of editors, with a way to wait for its next message of a kind. */
class EditorsThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (message: FromEditors) => void>();
  private readonly arrived = new Map<string, FromEditors[]>();
  private failure: Error | null = null;

  constructor(job: EditorsJob) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: job });
    this.worker.on('message', (message: FromEditors) => {
      const waiter = this.waiting.get(message.type);
      if (waiter) {
        this.waiting.delete(message.type);
        waiter(message);
      } else {
        this.arrived.set(message.type, [...(this.arrived.get(message.type) ?? []), message]);
      }
    });
    this.worker.on('error', (error) => (this.failure = error));
  }

  send(message: ToEditors): void {
    this.worker.postMessage(message);
  }

  /** The next message of `type`, or an error after `timeoutMs` (or when the thread failed). */
  async next<T extends FromEditors['type']>(type: T, timeoutMs: number): Promise<Extract<FromEditors, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    const queued = this.arrived.get(type)?.shift();
    if (queued) return queued as Extract<FromEditors, { type: T }>;
    const message = new Promise<FromEditors>((resolve) => this.waiting.set(type, resolve));
    for (;;) {
      if (this.failure) throw this.failure;
      const got = await Promise.race([message, sleep(200).then(() => null)]);
      if (got) return got as Extract<FromEditors, { type: T }>;
      if (performance.now() > deadline) throw new Error(`an editors thread did not send '${type}' within ${timeoutMs} ms`);
    }
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** VmRSS of a process in MB. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat (ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  // The command name (field 2) can hold spaces: count the fields after its closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Records, on an observing editor, how long each timed title took to arrive (the idea of load.ts's watchLatency). */
function watchBroadcast(observer: EditorConnection, into: [number, number][]): void {
  const seen = new Set<string>();
  recordsOf(observer.doc).observeDeep((events) => {
    const arrived = now();
    for (const event of events) {
      if (!(event.target instanceof Y.Text)) continue;
      const [editor, seq, sentAt] = event.target.toString().split(':');
      // A reconnect syncs the current title again: each edit counts once.
      if (sentAt === undefined || seen.has(`${editor}:${seq}`)) continue;
      seen.add(`${editor}:${seq}`);
      into.push([Number(sentAt), arrived - Number(sentAt)]);
    }
  });
}

async function createJourneys(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  // A few at a time through the proxy, as people would: each create opens and closes the document.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const n = next++;
        const response = await authorizedFetch(`${url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `Belasting ${n}` }) });
        if (response.status !== 201) throw new Error(`creating a journey: ${response.status} ${await response.text()}`);
        ids[n] = ((await response.json()) as { id: string }).id;
      }
    }),
  );
  return ids;
}

interface Figures {
  processes: number;
  edits: number;
  editsPerSecond: number;
  broadcastMs: number[];
  storeWriteMs: number[];
  /** VmRSS per process at the end of the window, and its largest sample in it. */
  rssMb: { name: string; end: number; max: number }[];
  /** CPU per process over the window, in % of one core. */
  cpuPercent: { name: string; value: number }[];
  loadBefore: number[];
  loadEnd: number[];
  failover?: FailoverFigures;
}

interface FailoverFigures {
  killed: string;
  journeys: number;
  editors: number;
  times: number[];
  /** The parts of that time: until the socket was open again, and until the provider had synced (those seen). */
  opened: number[];
  synced: number[];
  /** Acknowledged-before-the-kill states checked, and those missing from what PostgreSQL had at the kill. */
  storedAtKill: { checked: number; lost: string[]; noneYet: number; newOwnerRows: number };
  /** Acknowledged states (before the kill, and final) checked against a fresh reader afterwards. */
  reader: { checked: number; lost: string[] };
  newOwners: Record<string, number>;
  /** The journeys of the killed process, and their editors' states acknowledged before the kill. */
  journeyIds: string[];
  acknowledgedAtKill: AcknowledgedState[];
}

interface RunOptions {
  seconds: number;
  documents: number;
  editorsPerDocument: number;
  intervalMs: number;
  failover: boolean;
}

async function runConfiguration(adminUrl: string, processes: number, options: RunOptions): Promise<Figures> {
  const label = `${processes} process${processes === 1 ? '' : 'es'}`;
  const loadBefore = loadavg();
  const databaseUrl = await createTestDatabase(adminUrl);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  let cluster: Cluster | null = null;
  const threads: EditorsThread[] = [];
  const observers: EditorConnection[] = [];
  try {
    cluster = await startCluster({ processes, databaseUrl, startTimeoutMs: 60_000 });
    const ids = await createJourneys(cluster.url, options.documents);
    console.log(`${label}: ${ids.length} journeys created; connecting ${ids.length * options.editorsPerDocument} editors in ${EDITOR_THREADS} threads`);
    const perThread = Math.ceil(ids.length / EDITOR_THREADS);
    for (let t = 0; t < EDITOR_THREADS && t * perThread < ids.length; t++) {
      const journeys = ids.slice(t * perThread, (t + 1) * perThread).map((id, i) => ({ id, firstEditor: (t * perThread + i) * options.editorsPerDocument }));
      threads.push(new EditorsThread({ url: cluster.url, token: cluster.token, journeys, editorsPerDocument: options.editorsPerDocument, intervalMs: options.intervalMs }));
    }
    const connectStart = performance.now();
    await Promise.all(threads.map((thread) => thread.next('ready', 300_000)));
    const broadcasts: [number, number][] = [];
    for (const id of ids.filter((_, i) => i % OBSERVE_EVERY === 0)) {
      const observer = connectEditor(cluster.url, id, { token: cluster.token, reconnectDelayMs: RECONNECT_DELAY_MS });
      observers.push(observer);
      await observer.synced(60_000);
      watchBroadcast(observer, broadcasts);
    }
    console.log(`${label}: ${ids.length * options.editorsPerDocument} editors and ${observers.length} observers synced in ${((performance.now() - connectStart) / 1000).toFixed(0)} s`);

    for (const thread of threads) thread.send({ type: 'start' });
    await sleep(WARM_UP_MS);
    const nodes = cluster.nodes;
    const from = now();
    const cpuAtStart = nodes.map((node) => cpuSeconds(node.pid));
    const rss = nodes.map((node) => ({ name: node.name, end: 0, max: 0 }));
    const windowEnd = performance.now() + options.seconds * 1000;
    while (performance.now() < windowEnd) {
      nodes.forEach((node, i) => {
        const value = rssMb(node.pid);
        rss[i]!.end = value;
        rss[i]!.max = Math.max(rss[i]!.max, value);
      });
      await sleep(Math.min(2_000, Math.max(0, windowEnd - performance.now())));
    }
    const to = now();
    const cpuPercent = nodes.map((node, i) => ({ name: node.name, value: ((cpuSeconds(node.pid) - cpuAtStart[i]!) / ((to - from) / 1000)) * 100 }));
    const loadEnd = loadavg();
    // Edits made just before the end are acknowledged and received a little after it.
    await sleep(2_000);
    threads.forEach((thread) => thread.send({ type: 'stats', from, to }));
    const stats = await Promise.all(threads.map((thread) => thread.next('stats', 30_000)));
    const storeWriteMs = stats.flatMap((s) => s.storeWriteMs);
    const neverAcknowledged = stats.reduce((sum, s) => sum + s.neverAcknowledged, 0);
    if (neverAcknowledged > 0) console.log(`${label}: ${neverAcknowledged} editors never had all their edits acknowledged at once in the run`);
    const broadcastMs = broadcasts.filter(([sentAt]) => sentAt >= from && sentAt < to).map(([, ms]) => ms);
    const figures: Figures = {
      processes,
      edits: storeWriteMs.length,
      editsPerSecond: storeWriteMs.length / ((to - from) / 1000),
      broadcastMs,
      storeWriteMs,
      rssMb: rss,
      cpuPercent,
      loadBefore,
      loadEnd,
    };
    console.log(
      `${label}: window of ${((to - from) / 1000).toFixed(0)} s: ${figures.edits} edits acknowledged (${figures.editsPerSecond.toFixed(0)}/s), ${broadcastMs.length} broadcasts timed; ` +
        `RSS ${rss.map((r) => `${r.name} ${r.end.toFixed(0)} MB`).join(', ')}; CPU ${cpuPercent.map((c) => `${c.name} ${c.value.toFixed(0)}%`).join(', ')}; load average ${loadEnd.map((l) => l.toFixed(1)).join(' ')}`,
    );

    if (options.failover) figures.failover = await failover(cluster, db, ids, threads);

    threads.forEach((thread) => thread.send({ type: 'stop' }));
    const stopped = await Promise.all(threads.map((thread) => thread.next('stopped', 60_000)));
    const notSynced = stopped.reduce((sum, s) => sum + s.notSynced, 0);
    if (notSynced > 0) console.log(`${label}: ${notSynced} editors did not get everything acknowledged within 30 s after the load stopped`);
    if (figures.failover) await checkAfterFailover(cluster, figures.failover, stopped.flatMap((s) => s.finalStates));
    return figures;
  } finally {
    for (const observer of observers) observer.close();
    await Promise.all(threads.map((thread) => thread.terminate()));
    await cluster?.stop();
    await db.end();
  }
}

/**
 * kill -9 of the process holding the most leases, while the load goes on. Right after the kill,
 * before any editor can have reached the new owner, PostgreSQL's rows of those journeys (of the
 * dead owner's lease and before) are read: every state an editor had seen acknowledged must be
 * in them. A check against a reader afterwards alone would not show a lost write: the editor
 * sends what the server lacks when it reconnects.
 */
async function failover(cluster: Cluster, db: pg.Pool, ids: string[], threads: EditorsThread[]): Promise<FailoverFigures> {
  const { rows: leases } = await db.query<{ journey_id: string; owner: string; token: string }>('select journey_id, owner, token from document_leases where journey_id = any($1)', [ids]);
  const byOwner = new Map<string, string[]>();
  for (const lease of leases) byOwner.set(lease.owner, [...(byOwner.get(lease.owner) ?? []), lease.journey_id]);
  const [killed, journeyIds] = [...byOwner].sort((a, b) => b[1].length - a[1].length)[0]!;
  const oldToken = new Map(leases.map((lease) => [lease.journey_id, Number(lease.token)]));
  const victim = cluster.nodes.find((node) => node.name === killed)!;
  console.log(`failover: leases ${[...byOwner].map(([owner, held]) => `${owner} ${held.length}`).join(', ')}; kill -9 of ${killed}`);

  const killedAt = now();
  await victim.kill9();
  threads.forEach((thread) => thread.send({ type: 'failover', killedAt, journeyIds }));
  const stored = await storedAtKill(db, journeyIds, oldToken);
  const atKill = await Promise.all(threads.map((thread) => thread.next('acknowledgedAtKill', 10_000)));
  const states = atKill.flatMap((m) => m.states);
  const storedCheck = { checked: 0, lost: [] as string[], noneYet: atKill.reduce((sum, m) => sum + m.missing, 0), newOwnerRows: stored.newOwnerRows };
  for (const state of states) {
    storedCheck.checked++;
    const snapshot = Y.decodeSnapshot(state.snapshot);
    const doc = stored.docs.get(state.journeyId)!;
    if (!containsSnapshot(doc, snapshot)) storedCheck.lost.push(`${state.journeyId} editor ${state.editor}: ${missingFrom(doc, snapshot)}`);
  }
  const recovered = await Promise.all(threads.map((thread) => thread.next('recovered', FAILOVER_LIMIT_MS + 10_000)));
  const times = recovered.flatMap((m) => m.times);
  const notBack = recovered.flatMap((m) => m.notBack);
  const opened = recovered.flatMap((m) => m.opened).filter((t) => t >= 0);
  const synced = recovered.flatMap((m) => m.synced).filter((t) => t >= 0);
  if (notBack.length > 0) {
    console.log(`failover: ${notBack.length} editors not back within ${FAILOVER_LIMIT_MS / 1000} s, e.g.:\n  ${notBack.slice(0, 10).join('\n  ')}`);
    for (const node of cluster.nodes.filter((n) => n.running())) {
      const lines = node.output().split('\n').filter((line) => /error|warn|lease|cluster/i.test(line));
      console.log(`--- ${node.name}: ${lines.length} lines of note, the last ones:\n${lines.slice(-15).join('\n')}`);
    }
  }
  const { rows: after } = await db.query<{ owner: string; n: string }>('select owner, count(*) as n from document_leases where journey_id = any($1) group by owner', [journeyIds]);
  const figures: FailoverFigures = {
    killed,
    journeys: journeyIds.length,
    editors: times.length,
    times,
    opened,
    synced,
    storedAtKill: storedCheck,
    reader: { checked: 0, lost: [] },
    newOwners: Object.fromEntries(after.map((row) => [row.owner, Number(row.n)])),
    journeyIds,
    acknowledgedAtKill: states,
  };
  // A few seconds of editing on the new owners before the load stops.
  await sleep(3_000);
  return figures;
}

/**
 * The journeys as PostgreSQL had them at the kill: the merged state and the rows written under
 * the dead owner's lease or before (a row of a newer lease is the new owner's, and may hold
 * what a reconnecting editor sent again). Read in one repeatable-read snapshot, as the server
 * loads a document, so a compaction between the reads cannot hide rows.
 */
async function storedAtKill(db: pg.Pool, journeyIds: string[], oldToken: Map<string, number>): Promise<{ docs: Map<string, Y.Doc>; newOwnerRows: number }> {
  const client = await db.connect();
  try {
    await client.query('begin isolation level repeatable read');
    const { rows: states } = await client.query<{ journey_id: string; state: Buffer; upto_seq: string }>('select journey_id, state, upto_seq from journey_states where journey_id = any($1)', [journeyIds]);
    const { rows: updates } = await client.query<{ journey_id: string; seq: string; data: Buffer; lease_token: string | null }>(
      'select journey_id, seq, data, lease_token from journey_updates where journey_id = any($1) order by seq',
      [journeyIds],
    );
    await client.query('commit');
    const docs = new Map(journeyIds.map((id) => [id, new Y.Doc()]));
    const upto = new Map(states.map((row) => [row.journey_id, Number(row.upto_seq)]));
    for (const row of states) Y.applyUpdate(docs.get(row.journey_id)!, new Uint8Array(row.state));
    let newOwnerRows = 0;
    for (const row of updates) {
      if (Number(row.seq) <= (upto.get(row.journey_id) ?? 0)) continue;
      if (row.lease_token !== null && Number(row.lease_token) > oldToken.get(row.journey_id)!) {
        newOwnerRows++;
        continue;
      }
      Y.applyUpdate(docs.get(row.journey_id)!, new Uint8Array(row.data));
    }
    return { docs, newOwnerRows };
  } finally {
    client.release();
  }
}

/** After the load: a fresh reader of each journey of the killed process must hold every acknowledged state. */
async function checkAfterFailover(cluster: Cluster, figures: FailoverFigures, finalStates: AcknowledgedState[]): Promise<void> {
  const hit = new Set(figures.journeyIds);
  const states = [...figures.acknowledgedAtKill, ...finalStates.filter((state) => hit.has(state.journeyId))];
  const readers = new Map<string, Y.Doc>();
  for (const journeyId of hit) readers.set(journeyId, await readDocumentFromServer(cluster.url, journeyId));
  for (const state of states) {
    figures.reader.checked++;
    const snapshot = Y.decodeSnapshot(state.snapshot);
    const doc = readers.get(state.journeyId)!;
    if (!containsSnapshot(doc, snapshot)) figures.reader.lost.push(`${state.journeyId} editor ${state.editor}: ${missingFrom(doc, snapshot)}`);
  }
}

// ---------------------------------------------------------------- the report

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(a: Figures, b: Figures): string {
  const meanRss = (f: Figures) => f.rssMb.reduce((sum, r) => sum + r.end, 0) / f.rssMb.length;
  const sumRss = (f: Figures) => f.rssMb.reduce((sum, r) => sum + r.end, 0);
  const sumCpu = (f: Figures) => f.cpuPercent.reduce((sum, c) => sum + c.value, 0);
  const rows: [string, number, number, number][] = [
    ['edits acknowledged per second', a.editsPerSecond, b.editsPerSecond, 0],
    ['broadcast p50 (ms)', percentile(a.broadcastMs, 50), percentile(b.broadcastMs, 50), 1],
    ['broadcast p95 (ms)', percentile(a.broadcastMs, 95), percentile(b.broadcastMs, 95), 1],
    ['broadcast p99 (ms)', percentile(a.broadcastMs, 99), percentile(b.broadcastMs, 99), 1],
    ['store write p50 (ms)', percentile(a.storeWriteMs, 50), percentile(b.storeWriteMs, 50), 1],
    ['store write p95 (ms)', percentile(a.storeWriteMs, 95), percentile(b.storeWriteMs, 95), 1],
    ['store write p99 (ms)', percentile(a.storeWriteMs, 99), percentile(b.storeWriteMs, 99), 1],
    ['RSS per process, mean at the end (MB)', meanRss(a), meanRss(b), 0],
    ['RSS of all processes (MB)', sumRss(a), sumRss(b), 0],
    ['CPU of all processes (% of one core)', sumCpu(a), sumCpu(b), 0],
    ['load average (1 min) at the end of the window', a.loadEnd[0]!, b.loadEnd[0]!, 1],
  ];
  const lines = ['| figure | A: 3 processes | B: 1 process | A/B |', '|---|---|---|---|'];
  for (const [name, x, y, digits] of rows) lines.push(`| ${name} | ${fmt(x, digits)} | ${fmt(y, digits)} | ${fmt(x / y, 2)} |`);
  lines.push(`| broadcasts / store writes timed | ${a.broadcastMs.length} / ${a.storeWriteMs.length} | ${b.broadcastMs.length} / ${b.storeWriteMs.length} | |`);
  lines.push(`| RSS per process at the end (max in the window), MB | ${a.rssMb.map((r) => `${r.name} ${fmt(r.end, 0)} (${fmt(r.max, 0)})`).join(', ')} | ${b.rssMb.map((r) => `${r.name} ${fmt(r.end, 0)} (${fmt(r.max, 0)})`).join(', ')} | |`);
  lines.push(`| CPU per process (% of one core) | ${a.cpuPercent.map((c) => `${c.name} ${fmt(c.value, 0)}`).join(', ')} | ${b.cpuPercent.map((c) => `${c.name} ${fmt(c.value, 0)}`).join(', ')} | |`);
  return lines.join('\n');
}

function failoverSummary(f: FailoverFigures): string {
  const back = f.times.filter((t) => t >= 0);
  return [
    `failover (A): kill -9 of ${f.killed}, which held ${f.journeys} journeys (${f.editors} editors); new owners ${JSON.stringify(f.newOwners)}`,
    `  back (connected, synced, nothing unacknowledged) after the kill: median ${fmt(percentile(back, 50), 0)} ms, p95 ${fmt(percentile(back, 95), 0)} ms, max ${fmt(Math.max(...back), 0)} ms; ${f.times.length - back.length} not back within ${FAILOVER_LIMIT_MS / 1000} s`,
    `  of which: socket open again after median ${fmt(percentile(f.opened, 50), 0)} ms (max ${fmt(Math.max(...f.opened), 0)}, ${f.opened.length} seen), synced after median ${fmt(percentile(f.synced, 50), 0)} ms (max ${fmt(Math.max(...f.synced), 0)}, ${f.synced.length} seen)`,
    `  acknowledged before the kill, in PostgreSQL at the kill: ${f.storedAtKill.checked - f.storedAtKill.lost.length} of ${f.storedAtKill.checked} states (lost ${f.storedAtKill.lost.length}${f.storedAtKill.lost.length ? `: ${f.storedAtKill.lost.slice(0, 3).join('; ')}` : ''}); ` +
      `${f.storedAtKill.noneYet} editors had nothing acknowledged yet; ${f.storedAtKill.newOwnerRows} rows of a new owner were already there (left out)`,
    `  acknowledged states (before the kill, and final) in a fresh reader's document afterwards: ${f.reader.checked - f.reader.lost.length} of ${f.reader.checked} (lost ${f.reader.lost.length}${f.reader.lost.length ? `: ${f.reader.lost.slice(0, 3).join('; ')}` : ''})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 60);
  const documents = Number(process.argv[3] ?? 200);
  const editorsPerDocument = Number(process.argv[4] ?? 5);
  const editsPerEditorPerSecond = Number(process.argv[5] ?? 0.33);
  const intervalMs = 1000 / editsPerEditorPerSecond;
  console.log(
    `cluster load: ${documents} journeys × ${editorsPerDocument} editors, 1 edit per ${fmt(intervalMs / 1000, 1)} s per editor ` +
      `(${fmt(documents * editorsPerDocument * editsPerEditorPerSecond, 0)} edits/s offered), observers on ${Math.ceil(documents / OBSERVE_EVERY)} journeys; ` +
      `${WARM_UP_MS / 1000} s warm-up, ${seconds} s measured; A = 3 processes, then B = 1 process`,
  );
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => fmt(l)).join(' ')} at the start`);
  const postgres = await startPostgres();
  if ('unavailable' in postgres) throw new Error(postgres.unavailable);
  // Ctrl-C or a crash must not leave PostgreSQL running (the cluster harness does the same for its processes).
  const stopPostgres = () => postgres.stop();
  process.once('exit', stopPostgres);
  const interrupted = () => process.exit(130);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const started = performance.now();
  try {
    const options = { seconds, documents, editorsPerDocument, intervalMs };
    const a = await runConfiguration(postgres.url, 3, { ...options, failover: true });
    const b = await runConfiguration(postgres.url, 1, { ...options, failover: false });
    console.log(`\nload average before A: ${a.loadBefore.map((l) => fmt(l)).join(' ')}, before B: ${b.loadBefore.map((l) => fmt(l)).join(' ')}`);
    console.log(`\n${table(a, b)}\n`);
    console.log(failoverSummary(a.failover!));
    console.log(`\nin ${fmt((performance.now() - started) / 1000, 0)} s`);
    const lost = a.failover!.storedAtKill.lost.length + a.failover!.reader.lost.length;
    process.exitCode = lost === 0 && a.failover!.times.every((t) => t >= 0) ? 0 : 1;
  } finally {
    process.off('exit', stopPostgres);
    stopPostgres();
  }
}

if (isMainThread) await main();
else await runEditors(workerData as EditorsJob);
