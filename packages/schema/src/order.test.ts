import { describe, expect, it } from 'vitest';
import { compareByIndex, indexBetween, indexForPosition, indicesBetween, sortByIndex } from './order.ts';

describe('fractional order', () => {
  const items = indicesBetween(null, null, 3).map((index, i) => ({ id: `step:${i}`, index }));

  it('places an item at any position between its siblings', () => {
    for (let position = 0; position <= items.length; position++) {
      const moved = { id: 'step:new', index: indexForPosition(items, position) };
      expect(sortByIndex([...items, moved]).indexOf(moved)).toBe(position);
    }
  });

  it('appends for a position past the end and prepends for a negative one', () => {
    expect(sortByIndex([...items, { id: 'step:z', index: indexForPosition(items, 99) }]).at(-1)!.id).toBe('step:z');
    expect(sortByIndex([...items, { id: 'step:a', index: indexForPosition(items, -5) }])[0]!.id).toBe('step:a');
  });

  it('breaks a tie between equal indices by id, the same everywhere', () => {
    const a = { id: 'step:a', index: 'a1' };
    const b = { id: 'step:b', index: 'a1' };
    expect(sortByIndex([b, a])).toEqual([a, b]);
    expect(compareByIndex(a, b)).toBeLessThan(0);
  });

  it('still finds an index after concurrent inserts left equal neighbours', () => {
    const after = indexBetween('a1', 'a1');
    expect(after > 'a1').toBe(true);
  });
});
