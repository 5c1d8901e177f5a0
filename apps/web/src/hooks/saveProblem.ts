import { CLOSE_CODES } from '@klantreis/sync';

/**
 * Why the editor's changes are not reaching the server, as the server said it when it closed
 * the connection (`CLOSE_CODES` in @klantreis/sync):
 *
 * - `refused` (4422): the server refused an update that is malformed or out of schema. It was
 *   neither stored nor applied, and sending it again gets the same answer, so the editor stops
 *   reconnecting until the map is reloaded from the server's copy. A message over the server's
 *   size limit (1009, from the websocket layer) or one it cannot decode (1003) is refused the
 *   same way and would be sent again just the same.
 * - `store-failed` (4503): the server could not store an update, so it did not apply it. Nothing
 *   is wrong with the update: the editor keeps it and sends it again, waiting longer each time.
 */
export type SaveProblem = 'refused' | 'store-failed' | null;

/** The save problem a close code names; null for every other close (the provider reconnects). */
const MESSAGE_TOO_BIG = 1009;
const UNSUPPORTED_DATA = 1003;

export function saveProblemOf(closeCode: number): SaveProblem {
  // A change the person's role may not make (4403) is refused the same way: sent again, it
  // would be refused again (edits made before a role was lowered, kept offline).
  if (closeCode === CLOSE_CODES.updateRefused.code || closeCode === CLOSE_CODES.forbidden.code || closeCode === MESSAGE_TOO_BIG || closeCode === UNSUPPORTED_DATA) return 'refused';
  if (closeCode === CLOSE_CODES.storeFailed.code) return 'store-failed';
  return null;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** How long to wait before sending again after the n-th failed store in a row: 1 s, 2 s, 4 s … 30 s. */
export function storeRetryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_MS);
}
