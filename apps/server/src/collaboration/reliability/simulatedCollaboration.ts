import * as Y from 'yjs';
import type { JourneyStore } from '@klantreis/db';
import { createLaneRecord, createPhaseRecord, indexForPosition, type LaneId, type PhaseId } from '@klantreis/schema';
import { journeyFromDoc, journeyToUpdate } from '@klantreis/sync';
import { IncomingUpdateValidator } from '../incomingUpdateValidator.ts';
import { applyStoredDocument, compactStoredUpdates } from '../storedDocument.ts';
import { convergenceProblems } from './convergenceChecks.ts';
import { randomEdit, seededBlankJourney, type EditKind } from './randomJourneyEdits.ts';
import { SeededRandom } from './seededRandom.ts';
import { TypingWitness } from './typingTogether.ts';

// Convergence fuzz on an in-memory network: editors and a server as Y.Docs, with messages
// delivered in random order, dropped at random disconnects, and a server that restarts from
// the store now and then.
//
// Random order means: any connection, either direction, may deliver next, so updates
// interleave at the server and at the editors in every possible way. Within one connection
// messages keep their order, as on a websocket: the server's check judges the state an update
// leaves, and an update that arrives before the one it builds on leaves a half state (a
// field whose old value is deleted while its new value waits for its predecessor) that the
// check rightly refuses. `shuffleWithinConnections` lifts that to test Yjs itself under any
// order; the check is then left out.
//
// Why not all of it through a real websocket server: 100 seeds × 1,000 edits through
// Hocuspocus take minutes, and the delivery order cannot be chosen there. What the server
// adds is tested through the real server with fewer seeds (convergence.test.ts). What runs here is real: the editor's mutations, the
// server's check of incoming updates (IncomingUpdateValidator), the store (JourneyStore on
// SQLite) with its compaction, and loading a document from the stored rows.

export interface FuzzOptions {
  seed: number;
  operations: number;
  clients?: number;
  /** The chance per edit that an editor loses its connection. */
  disconnectRate?: number;
  /** The chance per edit that the server restarts, dropping every connection. */
  restartRate?: number;
  /** Merge the stored rows after this many. */
  compactEvery?: number;
  /** Deliver a connection's messages out of order too; the server's check is left out. */
  shuffleWithinConnections?: boolean;
  /** The chance per edit that several editors start typing into the same empty cell at once. */
  typeTogetherRate?: number;
}

export interface FuzzResult {
  seed: number;
  edits: number;
  skippedEdits: number;
  editsByKind: Partial<Record<EditKind, number>>;
  deliveries: number;
  disconnects: number;
  restarts: number;
  compactions: number;
  storedRows: number;
  /** Updates the server's check refused; a correct editor never sends one. */
  refusals: string[];
  /** Empty when every editor, the server and a reload from the store read the same journey. */
  problems: string[];
  /** Rounds in which several editors typed into the same new cell at once, and their letters. */
  typedTogether: { rounds: number; letters: number; lost: number };
  steps: number;
}

interface Envelope {
  toServer: boolean;
  client: number;
  /** The connection this message travels on; a message of an older connection is lost. */
  connection: number;
  kind: 'update' | 'stateVector';
  payload: Uint8Array;
}

interface Editor {
  doc: Y.Doc;
  online: boolean;
  connection: number;
  /** Updates made while offline, sent first thing on reconnecting, as the provider does. */
  outbox: Uint8Array[];
}

const FROM_SERVER = Symbol('from the server');

export async function runSimulatedFuzz(store: JourneyStore, options: FuzzOptions): Promise<FuzzResult> {
  const random = new SeededRandom(options.seed);
  const clientCount = options.clients ?? 5;
  const disconnectRate = options.disconnectRate ?? 0.02;
  const restartRate = options.restartRate ?? 0.002;
  const compactEvery = options.compactEvery ?? 150;
  const typeTogetherRate = options.typeTogetherRate ?? 0.004;
  const journeyId = `fuzz-${options.seed}-${random.key(6)}`;
  const blank = seededBlankJourney(random);
  const witness = new TypingWitness(`lane:${random.key()}` as LaneId, `phase:${random.key()}` as PhaseId);
  const journey = {
    ...blank,
    phases: [...blank.phases, createPhaseRecord({ id: witness.phaseId, name: 'Samen typen', index: indexForPosition(blank.phases, blank.phases.length) })],
    lanes: [...blank.lanes, createLaneRecord({ id: witness.laneId, name: 'Samen typen', index: indexForPosition(blank.lanes, blank.lanes.length) })],
  };
  await store.createJourney({ id: journeyId, document: journey, state: journeyToUpdate(journey) });

  const result: FuzzResult = {
    seed: options.seed,
    edits: 0,
    skippedEdits: 0,
    editsByKind: {},
    deliveries: 0,
    disconnects: 0,
    restarts: 0,
    compactions: 0,
    storedRows: 0,
    refusals: [],
    problems: [],
    typedTogether: { rounds: 0, letters: 0, lost: 0 },
    steps: 0,
  };
  // One queue per editor and direction; a message of an older connection is dropped on delivery.
  let queues: Envelope[][] = [];
  const send = (envelope: Envelope) => {
    const key = envelope.client * 2 + (envelope.toServer ? 1 : 0);
    (queues[key] ??= []).push(envelope);
  };
  const pending = () => queues.some((queue) => queue !== undefined && queue.length > 0);
  let connectionCounter = 0;
  let rowsSinceCompaction = 0;

  const editors: Editor[] = Array.from({ length: clientCount }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = 1 + random.int(2 ** 30);
    const editor: Editor = { doc, online: false, connection: 0, outbox: [] };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      if (editor.online) send({ toServer: true, client: index, connection: editor.connection, kind: 'update', payload: update });
      else editor.outbox.push(update);
    });
    return editor;
  });

  // The server: a document loaded from the store, the real check of incoming updates, and
  // every accepted update stored as a row before it is applied and broadcast.
  let server = await loadServer();
  async function loadServer() {
    const doc = new Y.Doc();
    doc.clientID = 1 + random.int(2 ** 30);
    const stored = await store.loadDocument(journeyId);
    if (!stored) throw new Error(`journey ${journeyId} vanished from the store`);
    applyStoredDocument(doc, stored);
    const validator = new IncomingUpdateValidator(doc);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      validator.mirror(update);
      editors.forEach((editor, index) => {
        if (editor.online && origin !== index) {
          send({ toServer: false, client: index, connection: editor.connection, kind: 'update', payload: update });
        }
      });
    });
    return { doc, validator };
  }

  function connect(index: number): void {
    const editor = editors[index]!;
    editor.online = true;
    editor.connection = ++connectionCounter;
    // The provider first sends what it queued while offline: updates that may build on
    // others lost with the old connection, so the server holds them as pending.
    for (const update of editor.outbox.splice(0)) send({ toServer: true, client: index, connection: editor.connection, kind: 'update', payload: update });
    // Then the sync handshake both ways: each side sends its state vector, the other answers
    // with what it lacks.
    const stateVector = (payload: Uint8Array, toServer: boolean): Envelope => ({ toServer, client: index, connection: editor.connection, kind: 'stateVector', payload });
    send(stateVector(Y.encodeStateVector(editor.doc), true));
    send(stateVector(Y.encodeStateVector(server.doc), false));
  }

  function disconnect(index: number): void {
    editors[index]!.online = false;
    result.disconnects++;
  }

  async function deliver(envelope: Envelope): Promise<void> {
    const editor = editors[envelope.client]!;
    if (!editor.online || editor.connection !== envelope.connection) return;
    result.deliveries++;
    if (!envelope.toServer) {
      if (envelope.kind === 'update') Y.applyUpdate(editor.doc, envelope.payload, FROM_SERVER);
      else send({ ...envelope, toServer: true, kind: 'update', payload: Y.encodeStateAsUpdate(editor.doc, envelope.payload) });
      return;
    }
    if (envelope.kind === 'stateVector') {
      send({ ...envelope, toServer: false, kind: 'update', payload: Y.encodeStateAsUpdate(server.doc, envelope.payload) });
      return;
    }
    const verdict = options.shuffleWithinConnections ? { accepted: true as const, changed: true } : server.validator.check(envelope.payload);
    if (!verdict.accepted) {
      result.refusals.push(verdict.reason);
      return;
    }
    // As the server does: an update that brings nothing new is not stored.
    if (verdict.changed) {
      await store.appendUpdate(journeyId, envelope.payload);
      result.storedRows++;
    }
    Y.applyUpdate(server.doc, envelope.payload, envelope.client);
    if (++rowsSinceCompaction >= compactEvery) {
      await compactStoredUpdates(store, journeyId);
      rowsSinceCompaction = 0;
      result.compactions++;
    }
  }

  async function deliverRandom(): Promise<void> {
    const busy = queues.filter((queue) => queue !== undefined && queue.length > 0);
    const queue = random.pick(busy);
    const at = options.shuffleWithinConnections ? random.int(queue.length) : 0;
    const [envelope] = queue.splice(at, 1);
    await deliver(envelope!);
  }

  async function restartServer(): Promise<void> {
    for (const editor of editors) editor.online = false;
    queues = [];
    server.doc.destroy();
    server = await loadServer();
    result.restarts++;
  }

  /**
   * Two or more editors type a word each into the empty cell of a new step, a letter per turn,
   * with a few deliveries between turns: the first letters cross on the wire, so each of them
   * creates the cell. The step reaches everyone online first.
   */
  async function typeTogether(): Promise<void> {
    const first = random.int(clientCount);
    const stepId = witness.addStep(editors[first]!.doc, random);
    while (pending()) await deliverRandom();
    const typists = [first, ...Array.from({ length: clientCount }, (_, i) => i).filter((i) => i !== first && random.chance(0.5))];
    if (typists.length < 2) typists.push((first + 1) % clientCount);
    const words = typists.map((editor) => witness.wordFor(editor, random));
    result.typedTogether.rounds++;
    for (let at = 0; at < Math.max(...words.map((word) => word.length)); at++) {
      typists.forEach((editor, i) => {
        const letter = words[i]![at];
        if (letter !== undefined && witness.type(editors[editor]!.doc, editor, stepId, letter)) result.edits++;
      });
      for (let n = at === 0 ? 0 : random.int(4); n > 0 && pending(); n--) await deliverRandom();
    }
  }

  for (let index = 0; index < clientCount; index++) connect(index);
  while (result.edits + result.skippedEdits < options.operations) {
    // An edit sends one update that the server sends on to four editors: about six
    // deliveries per edit keep the queues short, with bursts both ways.
    if (pending() && random.chance(0.86)) {
      await deliverRandom();
      continue;
    }
    if (random.chance(typeTogetherRate)) {
      await typeTogether();
      continue;
    }
    const editor = random.int(clientCount);
    const kind = randomEdit(editors[editor]!.doc, random, witness.reserved);
    if (kind === null) result.skippedEdits++;
    else {
      result.edits++;
      result.editsByKind[kind] = (result.editsByKind[kind] ?? 0) + 1;
    }
    if (random.chance(disconnectRate)) {
      const online = editors.flatMap((e, i) => (e.online ? [i] : []));
      if (online.length > 0) disconnect(random.pick(online));
    }
    for (let index = 0; index < clientCount; index++) {
      if (!editors[index]!.online && random.chance(0.05)) connect(index);
    }
    if (random.chance(restartRate)) await restartServer();
  }

  // Everyone back online, and every message delivered (still in random order).
  for (let index = 0; index < clientCount; index++) if (!editors[index]!.online) connect(index);
  while (pending()) await deliverRandom();

  const reloaded = new Y.Doc();
  applyStoredDocument(reloaded, (await store.loadDocument(journeyId))!);
  result.problems = convergenceProblems({ name: 'the server', doc: server.doc }, [
    ...editors.map((editor, index) => ({ name: `editor ${index + 1}`, doc: editor.doc })),
    { name: 'the document reloaded from the store', doc: reloaded },
  ]);
  // Replicas that agree are not enough: every letter typed into a cell at once must be there.
  for (const [name, doc] of [['the server', server.doc], ['the document reloaded from the store', reloaded]] as const) {
    const typed = witness.check(doc);
    result.typedTogether.letters = typed.typed;
    result.typedTogether.lost = Math.max(result.typedTogether.lost, typed.lost);
    result.problems.push(...typed.problems.map((problem) => `${name}: ${problem}`));
  }
  result.steps = journeyFromDoc(reloaded).steps.length;
  for (const editor of editors) editor.doc.destroy();
  server.doc.destroy();
  reloaded.destroy();
  return result;
}
