import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

// Order is a fractional index on each record: moving an item in a Y.Array is a delete plus
// an insert, which duplicates the item when two people move it at the same time.
export interface Ordered {
  id: string;
  index: string;
}

/** Two people inserting at the same place get the same index; the id breaks the tie the same way everywhere. */
export function compareByIndex(a: Ordered, b: Ordered): number {
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByIndex<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareByIndex);
}

export function indexBetween(before: string | null, after: string | null): string {
  // Equal neighbours only happen after concurrent inserts; place the item just after them.
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

export function indicesBetween(before: string | null, after: string | null, count: number): string[] {
  return generateNKeysBetween(before, after, count);
}

/**
 * The index that puts an item at `position` among `siblings` (sorted, without the item itself).
 * Position 0 is first; a position past the end appends.
 */
export function indexForPosition(siblings: readonly Ordered[], position: number): string {
  const sorted = sortByIndex(siblings);
  const clamped = Math.max(0, Math.min(position, sorted.length));
  const before = clamped > 0 ? sorted[clamped - 1]!.index : null;
  const after = clamped < sorted.length ? sorted[clamped]!.index : null;
  return indexBetween(before, after);
}
