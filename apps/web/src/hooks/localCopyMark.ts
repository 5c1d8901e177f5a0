// Whether this browser keeps its own copy of a journey (y-indexeddb), noted where a script can
// read it at once: public/early.js asks the server for the journey's copy as the page arrives
// only when there is none (a first visit), as reading IndexedDB's list of databases took 0.2 s.
// A note without a copy (the tab closed before the copy was written) only means that visit
// waits for the socket's first answer, as before there was an early copy.

const noteOf = (journeyId: string) => `klantreis:copy:${journeyId}`;

export function noteLocalCopy(journeyId: string): void {
  try {
    globalThis.localStorage?.setItem(noteOf(journeyId), '1');
  } catch {
    // Storage full or refused: the next visit asks the server for its copy, which is harmless.
  }
}

export function forgetLocalCopy(journeyId: string): void {
  try {
    globalThis.localStorage?.removeItem(noteOf(journeyId));
  } catch {
    // As above.
  }
}

const unsentOf = (journeyId: string) => `klantreis:unsent:${journeyId}`;

/**
 * How many edits of this browser the server had not confirmed when the count last changed, kept
 * across visits: a map opened again without its server (offline, or the server down) shows its
 * browser's copy, edits the server never saw among them, and says so until the first sync has
 * sent them. (Tabs of one journey share the note; the last count written wins.)
 */
export function noteUnsent(journeyId: string, count: number): void {
  try {
    if (count > 0) globalThis.localStorage?.setItem(unsentOf(journeyId), String(count));
    else globalThis.localStorage?.removeItem(unsentOf(journeyId));
  } catch {
    // As above: only the badge of a visit without the server would miss it.
  }
}

export function unsentNoted(journeyId: string): number {
  try {
    const count = Number(globalThis.localStorage?.getItem(unsentOf(journeyId)) ?? 0);
    return Number.isInteger(count) && count > 0 ? count : 0;
  } catch {
    return 0;
  }
}
