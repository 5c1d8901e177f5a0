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
