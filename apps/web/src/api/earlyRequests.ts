/** The requests public/early.js started with the page, before this script ran. */
type EarlyKey = 'me' | 'portfolio';

declare global {
  interface Window {
    klantreisEarly?: Partial<Record<string, Promise<Response | null>>>;
  }
}

/** The answer to a request the page started early, once; undefined when there is none (left). */
export function takeEarly(key: EarlyKey): Promise<Response> | undefined {
  return takeEarlyAnswer(key) as Promise<Response> | undefined;
}

/**
 * The journey's Yjs document as the page asked for it on arrival (GET /api/journeys/:id/state),
 * once: bytes, or null when there is none to take (asked already, the browser has its own copy,
 * the answer was a refusal or never came).
 */
export async function takeEarlyJourneyState(journeyId: string): Promise<Uint8Array | null> {
  const answer = await takeEarlyAnswer(`journeyState:${journeyId}`)?.catch(() => null);
  if (!answer?.ok || answer.headers.get('content-type') !== 'application/octet-stream') return null;
  const bytes = new Uint8Array(await answer.arrayBuffer().catch(() => new ArrayBuffer(0)));
  return bytes.length > 0 ? bytes : null;
}

function takeEarlyAnswer(key: string): Promise<Response | null> | undefined {
  const early = window.klantreisEarly?.[key];
  if (window.klantreisEarly) delete window.klantreisEarly[key];
  return early;
}
