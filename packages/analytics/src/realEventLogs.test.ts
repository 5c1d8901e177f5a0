import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDfg } from './dfgFormat.ts';
import { importLog, openImportedLog } from './logImporter.ts';
import { loadEventLog } from './logLoader.ts';
import { logDfg, logStats, logStatsAndDfg } from './logQueries.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

// Published figures for these logs (shared/data/README.md): the importer must reproduce them exactly.
const logFile = (name: string): string => join(SHARED_EVENT_LOGS, name);

describe('running-example.csv', () => {
  it('has 6 cases, 42 events, 8 activities and 6 variants', async () => {
    const log = await loadEventLog(logFile('running-example.csv'));
    try {
      const stats = await logStats(log);
      expect(stats).toMatchObject({ cases: 6, events: 42, activities: 8, variants: 6 });
      expect(log.summary.mapping).toMatchObject({ caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' });
    } finally {
      log.close();
    }
  });

  it('has exactly the directly-follows graph of running-example.dfg', async () => {
    const expected = parseDfg(await readFile(logFile('running-example.dfg'), 'utf8'));
    const log = await loadEventLog(logFile('running-example.csv'));
    try {
      const dfg = await logDfg(log);
      const stats = await logStats(log);
      expect(dfg.startActivities).toEqual(expected.startActivities);
      expect(dfg.endActivities).toEqual(expected.endActivities);
      expect(stats.startActivities).toEqual(expected.startActivities);
      expect(stats.endActivities).toEqual(expected.endActivities);
      const edgeKey = (edge: { from: string; to: string; count: number }): string => `${edge.from} > ${edge.to} x ${edge.count}`;
      expect(dfg.edges.map(edgeKey).sort()).toEqual(expected.edges.map(edgeKey).sort());
      expect(dfg.edges).toHaveLength(expected.edges.length);
      // Sorted by count, then from and to.
      const order = [...dfg.edges].sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
      expect(dfg.edges).toEqual(order);
      // One window pass for both (issue 13): the same figures, the edges in the same order.
      expect(await logStatsAndDfg(log)).toEqual({ stats, dfg });
    } finally {
      log.close();
    }
  });
});

describe('receipt.csv', () => {
  it('has 1,434 cases, 8,577 events, 27 activities and 116 variants', async () => {
    const log = await loadEventLog(logFile('receipt.csv'));
    try {
      expect(await logStats(log)).toMatchObject({ cases: 1434, events: 8577, activities: 27, variants: 116 });
    } finally {
      log.close();
    }
  });

  it('gives the same figures after a round trip through the Parquet store', async () => {
    const scratch = await makeScratchDirectory();
    try {
      const imported = await importLog(logFile('receipt.csv'), { storeDir: scratch.path('store') });
      const opened = await openImportedLog(imported);
      try {
        expect(await logStats(opened)).toMatchObject({ cases: 1434, events: 8577, activities: 27, variants: 116 });
        expect(await logStatsAndDfg(opened)).toEqual({ stats: await logStats(opened), dfg: await logDfg(opened) });
      } finally {
        opened.close();
      }
    } finally {
      await scratch.remove();
    }
  });
});

describe('bpic2012.xes.gz', () => {
  let stats: Awaited<ReturnType<typeof logStats>>;
  let together: Awaited<ReturnType<typeof logStatsAndDfg>>;
  let dfg: Awaited<ReturnType<typeof logDfg>>;
  let attributes: unknown;

  beforeAll(async () => {
    const log = await loadEventLog(logFile('bpic2012.xes.gz'));
    try {
      stats = await logStats(log);
      dfg = await logDfg(log);
      together = await logStatsAndDfg(log);
      const reader = await log.connection.runAndReadAll(`SELECT attributes FROM ${log.relation} ORDER BY file_order LIMIT 1`);
      attributes = JSON.parse(String(reader.getRowsJS()[0]?.[0]));
    } finally {
      log.close();
    }
  });

  it('has 13,087 cases, 262,200 events, 24 activities and 4,366 variants', () => {
    expect(stats).toMatchObject({ cases: 13087, events: 262200, activities: 24, variants: 4366 });
  });

  it('gives the same stats and DFG from one window pass (logStatsAndDfg)', () => {
    expect(together).toEqual({ stats, dfg });
  });

  it('keeps lifecycle:transition as an attribute', () => {
    expect(attributes).toEqual({ 'lifecycle:transition': 'COMPLETE' });
  });
});
