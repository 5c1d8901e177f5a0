import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSink, NormalizedEvent, RejectedLine } from './eventLogTypes.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog } from './logLoader.ts';
import { logStats } from './logQueries.ts';
import { formatMicrosAsIso } from './timestampParser.ts';
import { makeScratchDirectory } from './testSupport.ts';
import { readXesEvents } from './xesEventReader.ts';
import { SAMPLE_XES } from './xesTestDocuments.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

const XES = SAMPLE_XES;

async function readXes(content: string | Uint8Array, name = 'log.xes'): Promise<{ events: NormalizedEvent[]; rejected: RejectedLine[] }> {
  const file = await scratch.write(name, content);
  const events: NormalizedEvent[] = [];
  const rejected: RejectedLine[] = [];
  const sink: EventSink = { accept: (event) => events.push(event), reject: (line) => rejected.push(line), checkpoint: async () => {}, done: false };
  await readXesEvents(file, { mapping: { segment: 'segment' } }, sink);
  return { events, rejected };
}

describe('readXesEvents', () => {
  it('reads events with their trace case id, unescaped names and typed attributes', async () => {
    const { events, rejected } = await readXes(XES);
    expect(rejected).toEqual([]);
    expect(events.map((event) => [event.line, event.caseId, event.activity, formatMicrosAsIso(event.timestampMicros)])).toEqual([
      [9, 'case-1', 'Aanvraag & intake', '2024-01-05T08:00:00.000000Z'],
      [18, 'case-1', 'Besluit', '2024-01-06T10:30:00.000000Z'],
      // Its case id comes after the event: the event waits for the end of the trace.
      [24, 'case-2', 'Aanvraag & intake', '2024-01-07T08:00:00.000000Z'],
    ]);
    expect(events[0]?.resource).toBe('Ann');
    expect(events[0]?.segment).toBe('particulier');
    expect(JSON.parse(events[0]?.attributesJson ?? 'null')).toEqual({ 'lifecycle:transition': 'complete', attempt: 2, urgent: true, note: 'with meta' });
    expect(events[1]?.attributesJson).toBeNull();
  });

  it('keeps attribute values that JSON must escape as valid JSON: quotes, backslashes, tabs and line breaks, surrogate pairs', async () => {
    const values = ['say &quot;yes&quot;', 'C:\\temp\\x', 'tab&#9;and&#10;line', 'smile 😀', 'plain'];
    const attributes = values.map((value, index) => `<string key="k${index}" value="${value}"/>`).join('');
    const { events, rejected } = await readXes(
      `<log><trace><string key="concept:name" value="c"/><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-05T08:00:00Z"/>${attributes}</event></trace></log>`,
    );
    expect(rejected).toEqual([]);
    const json = events[0]?.attributesJson ?? 'null';
    // A character reference stays the character (raw white space would become a space).
    const expected = { k0: 'say "yes"', k1: 'C:\\temp\\x', k2: 'tab\tand\nline', k3: 'smile 😀', k4: 'plain' };
    expect(JSON.parse(json)).toEqual(expected);
    expect(json).toBe(JSON.stringify(expected));
  });

  it('reads gzip-compressed XES', async () => {
    const { events } = await readXes(gzipSync(XES), 'log.xes.gz');
    expect(events).toHaveLength(3);
  });

  it('rejects an event without a timestamp, naming its line and the attribute', async () => {
    const { rejected } = await readXes(XES.replace('<date key="time:timestamp" value="2024-01-06T10:30:00Z"/>', ''));
    expect(rejected).toEqual([{ line: 18, field: 'time:timestamp', reason: 'event has no timestamp' }]);
  });

  it('fails on invalid XML with an error naming the file and line', async () => {
    const file = await scratch.write('broken.xes', XES.replace('</event>\n    <event>', '</evnt>\n    <event>'));
    const error = await loadEventLog(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LogImportError);
    expect(error).toMatchObject({ file, line: 17 });
    expect((error as Error).message).toMatch(new RegExp(`^${file}:17: invalid XML: `));
  });

  it('fails on a truncated file', async () => {
    const file = await scratch.write('truncated.xes', XES.slice(0, XES.indexOf('<trace>', 400)));
    await expect(loadEventLog(file)).rejects.toThrow(/truncated\.xes:\d+: invalid XML/);
  });

  it('loads into DuckDB with stats over both traces', async () => {
    const file = await scratch.write('stats.xes', XES);
    const log = await loadEventLog(file, { mapping: { segment: 'segment' } });
    try {
      expect(await logStats(log)).toMatchObject({ cases: 2, events: 3, activities: 2, variants: 2 });
    } finally {
      log.close();
    }
  });
});
