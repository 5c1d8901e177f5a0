import * as Y from 'yjs';

/**
 * Whether everything in `seen` (a snapshot: what a client had at some moment) is also in
 * `doc`: every struct up to each client's clock, and every deletion. This is how "no edit
 * the server acknowledged or broadcast was lost" is checked, for any kind of edit.
 */
export function containsSnapshot(doc: Y.Doc, seen: Y.Snapshot): boolean {
  const have = Y.snapshot(doc);
  for (const [client, clock] of seen.sv) {
    if ((have.sv.get(client) ?? 0) < clock) return false;
  }
  return Y.equalDeleteSets(have.ds, Y.mergeDeleteSets([have.ds, seen.ds]));
}

/** How many structs of `seen` are missing from `doc`, per client, for a failure message. */
export function missingFrom(doc: Y.Doc, seen: Y.Snapshot): string {
  const have = Y.snapshot(doc);
  const missing: string[] = [];
  for (const [client, clock] of seen.sv) {
    const stored = have.sv.get(client) ?? 0;
    if (stored < clock) missing.push(`client ${client}: clock ${stored} of ${clock}`);
  }
  return missing.length > 0 ? missing.join('; ') : 'deletions only';
}
