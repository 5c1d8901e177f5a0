import { describe, expect, it } from 'vitest';
import { rowsInBand } from './rowWindow.ts';

describe('rowsInBand', () => {
  const heights = [50, 50, 100, 50, 50]; // rows at 0, 50, 100, 200, 250; 300 in all

  it('draws the rows that meet the band, and spaces the rest', () => {
    expect(rowsInBand(heights, 60, 210)).toEqual({ start: 1, end: 4, before: 50, after: 50 });
    expect(rowsInBand(heights, 0, 10)).toEqual({ start: 0, end: 1, before: 0, after: 250 });
    expect(rowsInBand(heights, 299, 5000)).toEqual({ start: 4, end: 5, before: 250, after: 0 });
  });

  it('keeps the spacers and drawn rows adding up to the whole table, wherever the band is', () => {
    for (let top = -500; top < 800; top += 37) {
      const band = rowsInBand(heights, top, top + 120);
      const drawn = heights.slice(band.start, band.end).reduce((sum, h) => sum + h, 0);
      expect(band.before + drawn + band.after).toBe(300);
      expect(band.start).toBeLessThanOrEqual(band.end);
    }
  });

  it('draws nothing for a band past the end or an empty table', () => {
    expect(rowsInBand(heights, 400, 500)).toEqual({ start: 5, end: 5, before: 300, after: 0 });
    expect(rowsInBand([], 0, 100)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});
