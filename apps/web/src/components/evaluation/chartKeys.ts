import type { KeyboardEvent } from 'react';

/** A chart point is a button for the keyboard too: Enter and Space press it. */
export function pressOnKey(action: () => void) {
  return (event: KeyboardEvent<SVGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    action();
  };
}

/**
 * Points that fall on the same spot are spread sideways around it, so each one stays
 * visible and clickable; `key` says which points share a spot.
 */
export function spreadOffsets<T>(points: readonly T[], key: (point: T) => string, gap: number): number[] {
  const groups = new Map<string, number[]>();
  points.forEach((point, i) => groups.set(key(point), [...(groups.get(key(point)) ?? []), i]));
  const offsets = new Array<number>(points.length).fill(0);
  for (const members of groups.values()) {
    members.forEach((index, j) => {
      offsets[index] = (j - (members.length - 1) / 2) * gap;
    });
  }
  return offsets;
}
