import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJourneyIndex, readJourneyIndex } from './journeyIndex.ts';
import { stageEventLog } from './stagedImport.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
let events: string;

beforeAll(async () => {
  scratch = await makeScratchDirectory();
  events = (await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('events') })).directory;
});
afterAll(async () => {
  await scratch.remove();
});

describe('the journey index', () => {
  it('holds every case once with its activities counted, and is found again only for the same imports', async () => {
    const index = await buildJourneyIndex([events], scratch.path('index'));
    expect(index).toMatchObject({ cases: 6, events: 42 });
    expect(index.activities.map((a) => a.activity)).toEqual([...index.activities.map((a) => a.activity)].sort());
    expect(index.activities.find((a) => a.activity === 'decide')?.events).toBe(9);
    expect(await readJourneyIndex(scratch.path('index'), [events])).toMatchObject({ cases: 6 });
    expect(await readJourneyIndex(scratch.path('index'), [events, events])).toBeNull();
    expect(await readJourneyIndex(scratch.path('nothing'))).toBeNull();
  });

  it('survives two builds of the same index at once (the server and the CLI)', async () => {
    const [a, b] = await Promise.all([buildJourneyIndex([events], scratch.path('twice')), buildJourneyIndex([events], scratch.path('twice'))]);
    expect([a.cases, b.cases]).toEqual([6, 6]);
    expect(await readJourneyIndex(scratch.path('twice'), [events])).toMatchObject({ cases: 6, events: 42 });
  });
});
