// kill -9 of the real server (a child process) at a random moment while 5 writers make 50
// edits a second each: after every kill SQLite's integrity_check passes, and after the
// restart no edit is missing that the server had acknowledged to its writer or broadcast to
// the observer. Full scale (20 cycles): node bench/collab/killNine.ts
import { describe, expect, it } from 'vitest';
import { runKillNineCycles } from './reliability/killNineScenario.ts';

describe('kill -9 while five writers edit', () => {
  it('loses no acknowledged or broadcast edit and keeps the SQLite file sound, cycle after cycle', async () => {
    const cycles = await runKillNineCycles({ cycles: 3, writers: 5, editsPerSecond: 50, minRunMs: 500, maxRunMs: 2_000, seed: 5 });
    expect(cycles).toHaveLength(3);
    for (const cycle of cycles) {
      expect(cycle.integrity).toBe('ok');
      expect(cycle.lost).toEqual([]);
      // The writers really were writing and being acknowledged when the server died.
      expect(cycle.edits).toBeGreaterThan(50);
      expect(cycle.acknowledgements).toBeGreaterThan(0);
    }
  }, 60_000);
});
