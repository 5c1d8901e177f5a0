import { describe, expect, it } from 'vitest';
import { COLUMN_BLOCK, columnRange, drawnColumns, focusNeighbours, MIN_OVERSCAN } from './columnWindow.ts';
import { LABEL_WIDTH, STEP_WIDTH } from './mapLayout.ts';

describe('the step columns the map draws', () => {
  it('draws the columns in view and twice as many again beyond each edge, in whole blocks', () => {
    // 1,100 px wide at the start, 100%: about six columns in view.
    const range = columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 200);
    expect(range.start).toBe(0);
    expect(range.end % COLUMN_BLOCK).toBe(0);
    expect(range.end).toBeGreaterThanOrEqual(Math.ceil((1100 - LABEL_WIDTH) / STEP_WIDTH) * 3);
    expect(range.end).toBeLessThan(32);
    // Scrolled to the middle: the view's columns and at least MIN_OVERSCAN on both sides.
    const scrollLeft = LABEL_WIDTH + 100 * STEP_WIDTH;
    const middle = columnRange({ scrollLeft, width: 1100, zoom: 1 }, 200);
    expect(middle.start).toBeLessThanOrEqual(100 - MIN_OVERSCAN);
    expect(middle.end).toBeGreaterThanOrEqual(100 + 7 + MIN_OVERSCAN);
    expect(middle.start % COLUMN_BLOCK).toBe(0);
    // Never past the map's last column.
    expect(columnRange({ scrollLeft: 40_000, width: 1100, zoom: 1 }, 200).end).toBe(200);
    expect(columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 3)).toEqual({ start: 0, end: 3 });
    expect(columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 0)).toEqual({ start: 0, end: 0 });
  });

  it('counts in the map’s own pixels: zoomed out, more columns are in view', () => {
    const at100 = columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 200);
    const at50 = columnRange({ scrollLeft: 0, width: 1100, zoom: 0.5 }, 200);
    expect(at50.end).toBeGreaterThan(at100.end * 1.8);
    // The same screen position at 200% is twice as far along in screen pixels.
    expect(columnRange({ scrollLeft: 2 * (LABEL_WIDTH + 50 * STEP_WIDTH), width: 1100, zoom: 2 }, 200).start).toBe(
      columnRange({ scrollLeft: LABEL_WIDTH + 50 * STEP_WIDTH, width: 550, zoom: 1 }, 200).start,
    );
  });

  it('changes only every few columns while scrolling', () => {
    const ranges = new Set<string>();
    for (let x = 0; x < 4 * STEP_WIDTH; x += 40) {
      const r = columnRange({ scrollLeft: LABEL_WIDTH + 40 * STEP_WIDTH + x, width: 1100, zoom: 1 }, 200);
      ranges.add(`${r.start}-${r.end}`);
    }
    expect(ranges.size).toBeLessThanOrEqual(2);
  });

  it('draws only the columns in view for the first frame', () => {
    const first = columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 200, false);
    const near = columnRange({ scrollLeft: 0, width: 1100, zoom: 1 }, 200);
    expect(first.start).toBe(0);
    expect(first.end).toBeGreaterThanOrEqual(Math.ceil((1100 - LABEL_WIDTH) / STEP_WIDTH));
    expect(first.end).toBeLessThan(Math.ceil((1100 - LABEL_WIDTH) / STEP_WIDTH) + COLUMN_BLOCK);
    expect(first.end).toBeLessThan(near.end);
    const middle = columnRange({ scrollLeft: LABEL_WIDTH + 100 * STEP_WIDTH, width: 1100, zoom: 1 }, 200, false);
    expect(middle.start).toBeLessThanOrEqual(101);
    expect(middle.end).toBeGreaterThanOrEqual(107);
    expect(middle.end - middle.start).toBeLessThanOrEqual(7 + 2 * COLUMN_BLOCK);
  });

  it('keeps the columns that must stay, in column order', () => {
    expect(drawnColumns({ start: 8, end: 12 }, [150, 2, -1, 9, 150], 200)).toEqual([2, 8, 9, 10, 11, 150]);
    expect(drawnColumns({ start: 0, end: 4 }, [400], 10)).toEqual([0, 1, 2, 3]);
  });
});

describe('the columns beside the focus', () => {
  it('are the next step column on each side, with the empty phase columns between', () => {
    const steps = new Set([0, 1, 3, 4, 5]);
    expect(focusNeighbours(4, (i) => steps.has(i), 6)).toEqual([4, 3, 5]);
    expect(focusNeighbours(1, (i) => steps.has(i), 6)).toEqual([1, 0, 2, 3]);
    expect(focusNeighbours(0, (i) => steps.has(i), 6)).toEqual([0, 1]);
    expect(focusNeighbours(5, (i) => steps.has(i), 6)).toEqual([5, 4]);
    expect(focusNeighbours(-1, (i) => steps.has(i), 6)).toEqual([]);
  });
});

describe('a view with no room for a column', () => {
  it('draws one block where it is, not the whole map (a scroller not laid out yet, or narrower than the lane names)', () => {
    for (const near of [true, false]) {
      expect(columnRange({ scrollLeft: 0, width: 0, zoom: 1 }, 200, near)).toEqual({ start: 0, end: COLUMN_BLOCK });
      expect(columnRange({ scrollLeft: 0, width: 100, zoom: 1 }, 200, near).end).toBeLessThanOrEqual(COLUMN_BLOCK * 2);
    }
    // Scrolled past the end: the last column.
    expect(columnRange({ scrollLeft: 1e9, width: 0, zoom: 1 }, 200, false)).toEqual({ start: 199, end: 200 });
  });
});
