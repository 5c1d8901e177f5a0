import { setTimeout as sleep } from 'node:timers/promises';
import { connectEditor, type EditorConnection } from './editorConnection.ts';
import { randomEdit, testOwnerAuthor } from './randomJourneyEdits.ts';
import { SeededRandom } from './seededRandom.ts';

export interface ServerFuzzOptions {
  seed: number;
  operations: number;
  clients?: number;
  /** The chance per edit that an editor drops its connection (it keeps editing offline). */
  disconnectRate?: number;
}

export interface ServerFuzzRun {
  editors: EditorConnection[];
  edits: number;
  disconnects: number;
  refusals: string[];
}

/**
 * Random edits by several editors connected to a real server over real websockets. The
 * order in which the server sees them comes from the timing: edits go out in bursts of
 * random length, so messages of different editors interleave differently on every run.
 * Returns when every editor is online and in sync again; the caller compares and closes.
 */
export async function runServerFuzz(baseUrl: string, journeyId: string, options: ServerFuzzOptions): Promise<ServerFuzzRun> {
  const random = new SeededRandom(options.seed);
  const refusals: string[] = [];
  const editors = Array.from({ length: options.clients ?? 5 }, () =>
    connectEditor(baseUrl, journeyId, { clientId: 1 + random.int(2 ** 30), onRefused: (reason) => refusals.push(reason) }),
  );
  const offline = new Set<number>();
  const reconnecting: Promise<void>[] = [];
  const run: ServerFuzzRun = { editors, edits: 0, disconnects: 0, refusals };
  try {
    await Promise.all(editors.map((editor) => editor.synced()));
    const author = await testOwnerAuthor(baseUrl);
    for (let op = 0; op < options.operations; op++) {
      const index = random.int(editors.length);
      if (randomEdit(editors[index]!.doc, random, undefined, author) !== null) run.edits++;
      if (random.chance(options.disconnectRate ?? 0.02)) {
        const online = editors.flatMap((_, i) => (offline.has(i) ? [] : [i]));
        if (online.length > 0) {
          const dropped = random.pick(online);
          editors[dropped]!.goOffline();
          offline.add(dropped);
          run.disconnects++;
        }
      }
      for (const back of [...offline]) {
        if (!random.chance(0.05)) continue;
        offline.delete(back);
        reconnecting.push(editors[back]!.goOnline());
      }
      // Let the network run now and then, for a random while.
      if (random.chance(0.3)) await sleep(random.int(3));
    }
    for (const back of offline) reconnecting.push(editors[back]!.goOnline());
    await Promise.all(reconnecting);
    await Promise.all(editors.map((editor) => editor.synced(20_000)));
    return run;
  } catch (error) {
    await Promise.allSettled(reconnecting);
    for (const editor of editors) editor.close();
    throw error;
  }
}
