import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEventLog } from './logLoader.ts';
import { logStats } from './logQueries.ts';
import { previewLog } from './logPreview.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

const lines = [
  { case: 'c1', activity: 'web visit', timestamp: '2024-03-01T10:00:00Z', channel: 'web', score: 4.5, tags: ['a'] },
  { case: 'c1', activity: 'phone call', timestamp: Date.UTC(2024, 2, 1, 11), channel: 'phone' },
  { case: 'c2', activity: 'web visit', timestamp: '2024-03-02T09:00:00+01:00' },
];

describe('JSON Lines', () => {
  it('maps keys, takes ISO strings and epoch milliseconds, and keeps other keys with their JSON types', async () => {
    const file = await scratch.write('log.jsonl', `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const preview = await previewLog(file);
    expect(preview.format).toBe('jsonl');
    expect(preview.mapping).toEqual({ caseId: 'case', activity: 'activity', timestamp: 'timestamp', channel: 'channel' });
    expect(preview.rejected).toEqual([]);
    expect(preview.sampleRows.map((row) => [row.line, row.caseId, row.timestamp, row.channel, row.attributes])).toEqual([
      [1, 'c1', '2024-03-01T10:00:00.000000Z', 'web', { score: 4.5, tags: ['a'] }],
      [2, 'c1', '2024-03-01T11:00:00.000000Z', 'phone', null],
      [3, 'c2', '2024-03-02T08:00:00.000000Z', null, null],
    ]);
    const log = await loadEventLog(file);
    try {
      expect(await logStats(log)).toMatchObject({ cases: 2, events: 3, activities: 2, variants: 2 });
    } finally {
      log.close();
    }
  });

  it('rejects a line that is not JSON or not an object, naming the line', async () => {
    const file = await scratch.write('bad.jsonl', `${JSON.stringify(lines[0])}\n{"case": "c1", oops}\n[1, 2]\n{"case": "c3", "activity": "x", "timestamp": "gisteren"}\n`);
    const preview = await previewLog(file);
    expect(preview.acceptedCount).toBe(1);
    expect(preview.rejected.map((rejection) => [rejection.line, rejection.field])).toEqual([
      [2, null],
      [3, null],
      [4, 'timestamp'],
    ]);
    expect(preview.rejected[0]?.reason).toMatch(/^not valid JSON/);
    expect(preview.rejected[1]?.reason).toBe('not a JSON object');
    expect(preview.rejected[2]?.reason).toMatch(/^bad date "gisteren"/);
  });
});
