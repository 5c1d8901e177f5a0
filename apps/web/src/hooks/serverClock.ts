// The server's clock, as seen from this browser. The workshop timer travels between
// participants as moments in time (started at, updated at); read on laptops whose clocks
// disagree by minutes, one and the same timer showed different times left. Everyone reads
// and writes it in server time instead: Date.now() plus the offset measured here.

let offsetMs = 0;
let measuring: Promise<void> | null = null;

/** The server's time now, in milliseconds since 1970, as well as this browser can tell. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The offset of a server that answered `serverTime` to a request sent at `sentAt` and answered at `receivedAt` (local times): it read its clock halfway. */
export function clockOffset(sentAt: number, receivedAt: number, serverTime: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

const SAMPLES = 3;

/** Measures the offset once per page (three requests, the one with the shortest round trip counts); without any answer the local clock stays, until the next call. */
export function syncServerClock(): Promise<void> {
  measuring ??= (async () => {
    let best: { roundTrip: number; offset: number } | null = null;
    for (let i = 0; i < SAMPLES; i++) {
      try {
        const sentAt = Date.now();
        const response = await fetch('/api/health', { cache: 'no-store' });
        const receivedAt = Date.now();
        const { time } = (await response.json()) as { time?: unknown };
        if (!response.ok || typeof time !== 'number') continue;
        const sample = { roundTrip: receivedAt - sentAt, offset: clockOffset(sentAt, receivedAt, time) };
        if (!best || sample.roundTrip < best.roundTrip) best = sample;
      } catch {
        // Offline: the local clock it is, until the next page load.
      }
    }
    if (best) offsetMs = best.offset;
    // Not one answer (offline): measure again next time, e.g. when the editor reconnects.
    else measuring = null;
  })();
  return measuring;
}
