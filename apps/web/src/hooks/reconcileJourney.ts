import type { JourneyDocument } from '@klantreis/schema';

type Lists = { [K in keyof JourneyDocument]: JourneyDocument[K] extends readonly { id: string }[] ? K : never }[keyof JourneyDocument];

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function reconcileList<T extends { id: string }>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (!previous) return next;
  const byId = new Map(previous.map((record) => [record.id, record]));
  let unchanged = previous.length === next.length;
  const out = next.map((record, i) => {
    const old = byId.get(record.id);
    const kept = old && sameJson(old, record) ? old : record;
    if (kept !== previous[i]) unchanged = false;
    return kept;
  });
  return unchanged ? (previous as T[]) : out;
}

/**
 * Gives every record that did not change its previous object back, so React's memo skips the
 * 2,400 cells and 200 step heads of a big map that a keystroke did not touch.
 */
export function reconcileJourney(previous: JourneyDocument | null, next: JourneyDocument): JourneyDocument {
  if (!previous) return next;
  const out = { ...next, journey: sameJson(previous.journey, next.journey) ? previous.journey : next.journey } as JourneyDocument;
  for (const key of Object.keys(next) as (keyof JourneyDocument)[]) {
    const value = next[key];
    if (Array.isArray(value)) {
      const list = key as Lists;
      (out as unknown as Record<string, unknown>)[list] = reconcileList(previous[list] as { id: string }[] | undefined, value as { id: string }[]);
    }
  }
  return out;
}
