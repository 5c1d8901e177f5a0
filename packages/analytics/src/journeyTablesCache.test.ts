import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndicatorRecord, createStepRecord, type StepRecord } from '@klantreis/schema';
import { evaluateXla } from './indicatorStatus.ts';
import { JourneyAnalysis } from './journeyAnalysis.ts';
import { buildJourneyIndex, type JourneyIndex } from './journeyIndex.ts';
import { journeyMetrics } from './journeyMetrics.ts';
import { stageEventLog } from './stagedImport.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

/*
 * The metrics cache (journeyTablesCache.ts): a second opening with the same mapping reads the
 * mapped tables instead of building them and gives the same metrics; another mapping, other end
 * steps or a new import build them again.
 */

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
let events: string;
let index: JourneyIndex;

const step = (i: number, title: string, activityPatterns: string[], journeyEnd = false): StepRecord => ({
  ...createStepRecord({ phaseId: 'phase:p', index: `a${i}`, title, activityPatterns, journeyEnd, wait: { moment: i === 2 ? 'during' : 'before', minutes: 60 } }),
  id: `step:s${i}`,
});
const STEPS = [
  step(0, 'Aanvraag', ['register request']),
  step(1, 'Onderzoek', ['examine*']),
  step(2, 'Controle', ['check ticket']),
  step(3, 'Uitbetaling', ['pay compensation'], true),
  step(4, 'Afwijzing', ['reject request']),
];
const INDICATORS = [
  createIndicatorRecord({ index: 'a0', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: 50, margin: 10, period: 'month' }),
  createIndicatorRecord({ index: 'a1', kind: 'O', metric: 'wait-p90', stepId: 'step:s2', direction: 'at-most', target: 60, margin: 15, period: 'month' }),
  createIndicatorRecord({ index: 'a2', kind: 'O', metric: 'repeat-contact-rate', stepId: 'step:s1', direction: 'at-most', target: 10, margin: 5, period: 'month' }),
];

/** Opens the analysis (with the cache folder, if any), measures, stores the tables in the cache and closes. */
async function measure(steps: readonly StepRecord[], cache: string | undefined, journeyIndex = index) {
  const analysis = await JourneyAnalysis.open(journeyIndex, [], steps, {}, cache);
  try {
    const result = { fromCache: analysis.fromCache, metrics: await journeyMetrics(analysis), xla: await evaluateXla(analysis, INDICATORS) };
    if (cache !== undefined) await analysis.saveToCache(cache);
    return result;
  } finally {
    analysis.close();
  }
}

beforeAll(async () => {
  scratch = await makeScratchDirectory();
  events = (await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('events') })).directory;
  index = await buildJourneyIndex([events], scratch.path('index'));
});
afterAll(async () => {
  await scratch.remove();
});

describe('the metrics cache', () => {
  it('gives the same metrics from the cache as from a build, and keeps one entry', async () => {
    const cache = scratch.path('cache-same');
    const cold = await measure(STEPS, cache);
    const warm = await measure(STEPS, cache);
    expect([cold.fromCache, warm.fromCache]).toEqual([false, true]);
    expect(warm.metrics).toEqual(cold.metrics);
    expect(warm.xla).toEqual(cold.xla);
    // Without a cache folder, nothing is read or written.
    const uncached = await measure(STEPS, undefined);
    expect(uncached.fromCache).toBe(false);
    expect(uncached.metrics).toEqual(cold.metrics);
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('builds again when the mapping or the end steps change, and drops the entry of the old mapping', async () => {
    const cache = scratch.path('cache-mapping');
    const first = await measure(STEPS, cache);
    const [entry] = await readdir(cache);

    // "decide" now maps to the check, so the coverage and the visits differ.
    const remapped = STEPS.map((s) => (s.id === 'step:s2' ? { ...s, activityPatterns: ['check ticket', 'decide'] } : s));
    const second = await measure(remapped, cache);
    expect(second.fromCache).toBe(false);
    expect(second.metrics.coverage.mappedEvents).toBeGreaterThan(first.metrics.coverage.mappedEvents);
    expect(await readdir(cache)).not.toContain(entry);
    expect(await readdir(cache)).toHaveLength(1);

    // A rejection ends the journey too: every case completes.
    const otherEnd = STEPS.map((s) => ({ ...s, journeyEnd: s.id === 'step:s3' || s.id === 'step:s4' }));
    const third = await measure(otherEnd, cache);
    expect(third.fromCache).toBe(false);
    expect([first.metrics.completed, third.metrics.completed]).toEqual([3, 6]);

    // A change that the tables do not depend on (a designed wait) reads them from the cache.
    const otherWait = otherEnd.map((s) => ({ ...s, wait: { moment: 'after' as const, minutes: 5 } }));
    expect((await measure(otherWait, cache)).fromCache).toBe(true);
  });

  it('builds again when an entry cannot be read, and replaces it', async () => {
    const cache = scratch.path('cache-damaged');
    const first = await measure(STEPS, cache);
    const [entry] = await readdir(cache);
    const [file] = await readdir(join(cache, entry!));
    await writeFile(join(cache, entry!, file!), 'not a database');
    const again = await measure(STEPS, cache);
    expect(again.fromCache).toBe(false);
    expect(again.metrics).toEqual(first.metrics);
    expect((await measure(STEPS, cache)).fromCache).toBe(true);
  });

  it('builds again after a new import, whose index is another', async () => {
    const cache = scratch.path('cache-import');
    await measure(STEPS, cache);
    const again = (await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('events-again') })).directory;
    const bigger = await buildJourneyIndex([events, again], scratch.path('index-two-imports'));
    const after = await measure(STEPS, cache, bigger);
    expect(after.fromCache).toBe(false);
    expect(after.metrics.coverage.events).toBe(2 * index.events);
    // The same imports indexed again (the server rebuilds an index it cannot read) count as new too.
    const rebuilt = await buildJourneyIndex([events], scratch.path('index'));
    expect((await measure(STEPS, cache, rebuilt)).fromCache).toBe(false);
  });
});
