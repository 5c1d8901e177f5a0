import * as Y from 'yjs';
import type { JourneyStore } from '@klantreis/db';
import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc, schemaVersionOf } from '@klantreis/sync';
import { applyStoredDocument } from '../collaboration/storedDocument.ts';

// The REST API, the list and the CLI read a journey's JSON snapshot when nobody has it open.
// The snapshot is refreshed from the Yjs document a second or so after each change and when
// the last editor leaves; every update row is stored before anyone sees it. A server killed
// in between (kill -9, power cut, OOM) leaves snapshots behind their update rows: after 30 of
// 30 such restarts a read lacked 1–15 acknowledged steps (issue 9.6). So the server notes a
// clean stop, and a start that does not find one rebuilds every snapshot from the rows first.

const CLEAN_STOP_SETTING = 'server.cleanStop';

export interface SnapshotRecovery {
  /** Journeys whose stored document was read. */
  checked: number;
  /** Snapshots that lacked something and were rebuilt. */
  rebuilt: number;
  ms: number;
}

/**
 * The journey as its stored Yjs state and update rows say, every acknowledged edit included;
 * undefined when there is no such journey or its document is of an older schema (migrated
 * when it is next opened; its snapshot is migrated on read until then).
 */
export async function journeyFromStore(store: JourneyStore, journeyId: string): Promise<JourneyDocument | undefined> {
  const stored = await store.loadDocument(journeyId);
  if (!stored) return undefined;
  const doc = new Y.Doc();
  try {
    applyStoredDocument(doc, stored);
    if ((schemaVersionOf(doc) ?? 1) !== CURRENT_SCHEMA_VERSION) return undefined;
    return journeyFromDoc(doc, { validate: true });
  } finally {
    doc.destroy();
  }
}

/** Rebuilds the snapshot of one journey from its stored Yjs state and updates, if it differs. */
export async function refreshSnapshot(store: JourneyStore, journeyId: string, snapshot: string): Promise<boolean> {
  const rebuilt = await journeyFromStore(store, journeyId);
  if (!rebuilt || JSON.stringify(rebuilt) === snapshot) return false;
  await store.saveSnapshot(journeyId, rebuilt);
  return true;
}

/**
 * Called as the server starts, before it answers anyone: after a stop that was not clean,
 * every journey's snapshot is brought up to its stored updates. Then the mark is cleared
 * until `markCleanStop`.
 */
export async function recoverSnapshotsAfterCrash(store: JourneyStore, log: (line: string) => void = console.info): Promise<SnapshotRecovery | null> {
  const clean = (await store.getSetting(CLEAN_STOP_SETTING)) === 'true';
  await store.setSetting(CLEAN_STOP_SETTING, 'false');
  if (clean) return null;
  const started = performance.now();
  const journeys = [...(await store.listJourneys()), ...(await store.listJourneys({ trash: true }))];
  let rebuilt = 0;
  for (const { id } of journeys) {
    const row = await store.getJourney(id);
    if (!row) continue;
    try {
      if (await refreshSnapshot(store, id, row.snapshot)) rebuilt++;
    } catch (error) {
      // A journey whose stored document cannot be read is refused when opened (503); its
      // snapshot stays as it was.
      log(`journey ${id}: its snapshot could not be checked: ${(error as Error).message}`);
    }
  }
  const recovery = { checked: journeys.length, rebuilt, ms: Math.round(performance.now() - started) };
  if (rebuilt > 0) log(`the last stop was not clean: ${rebuilt} of ${recovery.checked} journey snapshots rebuilt from their stored updates in ${recovery.ms} ms`);
  return recovery;
}

/** After every document's final snapshot is stored: the next start need not check them. */
export async function markCleanStop(store: JourneyStore): Promise<void> {
  await store.setSetting(CLEAN_STOP_SETTING, 'true');
}
