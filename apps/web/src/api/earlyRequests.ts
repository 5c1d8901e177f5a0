/** The requests public/early.js started with the page, before this script ran. */
type EarlyKey = 'me' | 'portfolio';

declare global {
  interface Window {
    klantreisEarly?: Partial<Record<EarlyKey, Promise<Response>>>;
  }
}

/** The answer to a request the page started early, once; undefined when there is none (left). */
export function takeEarly(key: EarlyKey): Promise<Response> | undefined {
  const early = window.klantreisEarly?.[key];
  if (window.klantreisEarly) delete window.klantreisEarly[key];
  return early;
}
