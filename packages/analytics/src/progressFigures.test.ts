import { describe, expect, it } from 'vitest';
import { progressFigures } from './progressFigures.ts';

describe('progress figures', () => {
  it('gives the pace and the time left at the pace so far', () => {
    const figures = progressFigures({ bytesRead: 250, totalBytes: 1000, eventsRead: 50_000 }, 10);
    expect(figures.fraction).toBe(0.25);
    expect(figures.eventsPerSecond).toBe(5_000);
    expect(figures.secondsLeft).toBe(30);
  });

  it('guesses nothing in the first half second or the first percent, and nothing is left when done', () => {
    expect(progressFigures({ bytesRead: 500, totalBytes: 1000, eventsRead: 10 }, 0.2)).toEqual({ fraction: 0.5, eventsPerSecond: null, secondsLeft: null });
    expect(progressFigures({ bytesRead: 1, totalBytes: 1000 }, 5).secondsLeft).toBeNull();
    expect(progressFigures({ bytesRead: 1000, totalBytes: 1000 }, 5)).toEqual({ fraction: 1, eventsPerSecond: null, secondsLeft: null });
    expect(progressFigures({ bytesRead: 0, totalBytes: 0 }, 5).fraction).toBe(1);
  });
});
