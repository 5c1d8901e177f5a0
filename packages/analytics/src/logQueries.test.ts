import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEventLog, type LoadedEventLog } from './logLoader.ts';
import { activityReach, logDfg, logStats, logStatsAndDfg, topVariants } from './logQueries.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
let log: LoadedEventLog;

// Case 3 has two events in the same second: file order decides, so its variant is a,c,b as written.
// The rows are out of time order in the file on purpose.
const CSV = `case,activity,timestamp
1,a,2024-01-01T10:00:00Z
1,b,2024-01-01T10:01:00Z
2,b,2024-01-02T10:10:00Z
2,a,2024-01-02T10:00:00Z
2,c,2024-01-02T10:20:00Z
1,c,2024-01-01T10:05:00Z
3,a,2024-01-03T10:00:00Z
3,c,2024-01-03T10:02:00Z
3,b,2024-01-03T10:02:00Z
4,a,2024-01-04T10:00:00Z
4,b,2024-01-04T10:03:00Z
4,c,2024-01-04T10:04:00Z
`;

beforeAll(async () => {
  scratch = await makeScratchDirectory();
  log = await loadEventLog(await scratch.write('queries.csv', CSV));
});
afterAll(async () => {
  log.close();
  await scratch.remove();
});

describe('logStats', () => {
  it('counts cases, events, activities and variants ordered by time with ties in file order', async () => {
    expect(await logStats(log)).toEqual({
      cases: 4,
      events: 12,
      activities: 3,
      variants: 2,
      startActivities: { a: 4 },
      endActivities: { c: 3, b: 1 },
      firstTimestamp: '2024-01-01T10:00:00.000000Z',
      lastTimestamp: '2024-01-04T10:04:00.000000Z',
    });
  });
});

describe('logDfg', () => {
  it('counts directly-follows pairs with their median gap, most frequent first', async () => {
    const dfg = await logDfg(log);
    expect(dfg.edges).toEqual([
      { from: 'a', to: 'b', count: 3, medianSeconds: 180 },
      { from: 'b', to: 'c', count: 3, medianSeconds: 240 },
      { from: 'a', to: 'c', count: 1, medianSeconds: 120 },
      { from: 'c', to: 'b', count: 1, medianSeconds: 0 },
    ]);
  });
});

describe('logStatsAndDfg', () => {
  it('gives what logStats and logDfg give, with the DFG in the same order', async () => {
    expect(await logStatsAndDfg(log)).toEqual({ stats: await logStats(log), dfg: await logDfg(log) });
  });

  it('gives empty figures for a log without events', async () => {
    const empty = await loadEventLog(await scratch.write('empty.csv', 'case,activity,timestamp\n'));
    try {
      expect(await logStatsAndDfg(empty)).toEqual({ stats: await logStats(empty), dfg: await logDfg(empty) });
    } finally {
      empty.close();
    }
  });
});

describe('topVariants and activityReach', () => {
  it('lists variants by number of cases with their share', async () => {
    expect(await topVariants(log, 5)).toEqual([
      { activities: ['a', 'b', 'c'], cases: 3, share: 0.75 },
      { activities: ['a', 'c', 'b'], cases: 1, share: 0.25 },
    ]);
    expect(await topVariants(log, 1)).toHaveLength(1);
    await expect(topVariants(log, 0)).rejects.toThrow(RangeError);
  });

  it('gives per activity the cases that reach it', async () => {
    const extra = await loadEventLog(await scratch.write('reach.csv', 'case,activity,timestamp\n1,a,2024-01-01\n1,a,2024-01-02\n2,a,2024-01-01\n2,b,2024-01-02\n'));
    try {
      expect(await activityReach(extra)).toEqual([
        { activity: 'a', cases: 2, share: 1, events: 3 },
        { activity: 'b', cases: 1, share: 0.5, events: 1 },
      ]);
    } finally {
      extra.close();
    }
  });
});
