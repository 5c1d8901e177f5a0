import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { sqliteIntegrityCheck } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc } from '@klantreis/sync';
import { firstDifference } from './convergenceChecks.ts';
import { connectEditor, type EditorConnection } from './editorConnection.ts';
import { randomEdit, testOwnerAuthor } from './randomJourneyEdits.ts';
import { SeededRandom } from './seededRandom.ts';
import { startServerProcess, type ServerProcess } from './serverProcess.ts';
import { containsSnapshot, missingFrom } from './stateContainment.ts';
import { authorizedFetch } from '../../testCredentials.ts';

// kill -9 of the real server at a random moment while writers edit, over and over. After
// each kill: SQLite's integrity check, a restart, and a check that nothing anyone had seen
// confirmed is missing: each writer's state when the server had acknowledged all its edits,
// and everything an observing editor had received (the server broadcasts only what it has).

export interface KillNineOptions {
  cycles: number;
  writers?: number;
  /** Edits per second per writer. */
  editsPerSecond?: number;
  /** The kill comes at a random moment in this window after the writers start. */
  minRunMs?: number;
  maxRunMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface KillNineCycle {
  cycle: number;
  runMs: number;
  edits: number;
  /** Times a writer had all its edits acknowledged; each such state was checked after the restart. */
  acknowledgements: number;
  /** Acknowledged or broadcast states found incomplete after the restart, and REST reads that lacked something: must be empty. */
  lost: string[];
  integrity: string;
  restartMs: number;
}

interface Witnesses {
  /** Per writer, its state the last time the server had acknowledged every edit of it. */
  acknowledged: (Y.Snapshot | null)[];
  /** What the observer had received when the server died. */
  broadcast: Y.Snapshot;
}

async function createJourney(server: ServerProcess): Promise<string> {
  const response = await authorizedFetch(`${server.url}/api/journeys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'kill -9' }),
  });
  if (response.status !== 201) throw new Error(`could not create a journey: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/**
 * Reads the journey back from a restarted server and lists every witnessed state it lacks, and
 * a REST read (taken first, from the snapshot, as nobody has the journey open) that differs
 * from the document.
 */
async function lostAfterRestart(server: ServerProcess, journeyId: string, witnesses: Witnesses): Promise<string[]> {
  const restRead = (await (await authorizedFetch(`${server.url}/api/journeys/${journeyId}`)).json()) as JourneyDocument;
  const reader = connectEditor(server.url, journeyId);
  try {
    await reader.synced();
    const lost: string[] = [];
    const document = journeyFromDoc(reader.doc, { validate: true });
    if (!isDeepStrictEqual(restRead, document)) {
      lost.push(`REST read: ${restRead.steps.length} steps where the document has ${document.steps.length} (${firstDifference(document, restRead)})`);
    }
    witnesses.acknowledged.forEach((seen, writer) => {
      if (seen && !containsSnapshot(reader.doc, seen)) lost.push(`writer ${writer + 1}: acknowledged edits missing (${missingFrom(reader.doc, seen)})`);
    });
    if (!containsSnapshot(reader.doc, witnesses.broadcast)) lost.push(`observer: broadcast edits missing (${missingFrom(reader.doc, witnesses.broadcast)})`);
    return lost;
  } finally {
    reader.close();
  }
}

export async function runKillNineCycles(options: KillNineOptions): Promise<KillNineCycle[]> {
  const random = new SeededRandom(options.seed ?? 1);
  const log = options.log ?? (() => {});
  const writerCount = options.writers ?? 5;
  const intervalMs = 1000 / (options.editsPerSecond ?? 50);
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-kill9-'));
  const databaseFile = join(dataDir, 'klantreis.sqlite');
  const cycles: KillNineCycle[] = [];
  let server = await startServerProcess(dataDir);
  try {
    const journeyId = await createJourney(server);
    let witnesses: Witnesses | null = null;
    let pendingCycle: KillNineCycle | null = null;
    for (let cycle = 1; cycle <= options.cycles + 1; cycle++) {
      if (witnesses && pendingCycle) {
        pendingCycle.lost = await lostAfterRestart(server, journeyId, witnesses);
        cycles.push(pendingCycle);
        log(
          `cycle ${pendingCycle.cycle}: killed after ${pendingCycle.runMs} ms, ${pendingCycle.edits} edits, ` +
            `${pendingCycle.acknowledgements} acknowledged states checked, lost: ${pendingCycle.lost.length === 0 ? 'none' : pendingCycle.lost.join('; ')}, ` +
            `integrity_check: ${pendingCycle.integrity}, restart ${pendingCycle.restartMs} ms`,
        );
      }
      if (cycle > options.cycles) break;

      const observer = connectEditor(server.url, journeyId);
      const writers: EditorConnection[] = Array.from({ length: writerCount }, () => connectEditor(server.url, journeyId));
      const acknowledged: (Y.Snapshot | null)[] = writers.map(() => null);
      let acknowledgements = 0;
      writers.forEach((writer, i) => {
        writer.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
          if (number !== 0 || !writer.provider.isSynced) return;
          acknowledged[i] = Y.snapshot(writer.doc);
          acknowledgements++;
        });
      });
      await Promise.all([observer, ...writers].map((editor) => editor.synced()));

      let edits = 0;
      const author = await testOwnerAuthor(server.url);
      const ticker = setInterval(() => {
        for (const writer of writers) if (randomEdit(writer.doc, random, undefined, author) !== null) edits++;
      }, intervalMs);
      const runMs = (options.minRunMs ?? 500) + random.int((options.maxRunMs ?? 2500) - (options.minRunMs ?? 500));
      await sleep(runMs);
      await server.kill9();
      clearInterval(ticker);
      witnesses = { acknowledged: acknowledged.slice(), broadcast: Y.snapshot(observer.doc) };
      for (const editor of [observer, ...writers]) editor.close();

      const integrity = sqliteIntegrityCheck(databaseFile);
      const restartStarted = performance.now();
      server = await startServerProcess(dataDir);
      pendingCycle = { cycle, runMs, edits, acknowledgements, lost: [], integrity, restartMs: Math.round(performance.now() - restartStarted) };
    }
    await server.stop();
    const finalIntegrity = sqliteIntegrityCheck(databaseFile);
    if (finalIntegrity !== 'ok') throw new Error(`integrity_check after the final graceful stop: ${finalIntegrity}`);
    return cycles;
  } catch (error) {
    await server.kill9();
    throw new Error(`${(error as Error).message}\nserver output:\n${server.output()}`, { cause: error });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
