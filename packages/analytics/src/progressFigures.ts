// How far an import is, in the figures a person waits by: the share done, events per second and
// the time left. One calculation for the command line's progress bar and the web app's import
// dialog (no Node modules here).

export interface ProgressFigures {
  /** 0..1 of the bytes read. */
  fraction: number;
  /** Records read per second so far, when the reader counts or estimates them. */
  eventsPerSecond: number | null;
  /** Seconds left at the pace so far; null until there is a pace to go by. */
  secondsLeft: number | null;
}

/** Below this share or time, a pace is a guess: no time left is given yet. */
const MIN_FRACTION = 0.01;
const MIN_SECONDS = 0.5;

export function progressFigures(progress: { bytesRead: number; totalBytes: number; eventsRead?: number }, elapsedSeconds: number): ProgressFigures {
  const fraction = progress.totalBytes <= 0 ? 1 : Math.min(1, Math.max(0, progress.bytesRead / progress.totalBytes));
  const timed = elapsedSeconds >= MIN_SECONDS;
  return {
    fraction,
    eventsPerSecond: timed && progress.eventsRead !== undefined ? progress.eventsRead / elapsedSeconds : null,
    secondsLeft: timed && fraction >= MIN_FRACTION && fraction < 1 ? (elapsedSeconds * (1 - fraction)) / fraction : null,
  };
}
