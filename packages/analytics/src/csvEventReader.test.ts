import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvEvents } from './csvEventReader.ts';
import type { EventSink, NormalizedEvent, ReadLogOptions, ReadSummary, RejectedLine } from './eventLogTypes.ts';
import { formatMicrosAsIso } from './timestampParser.ts';
import { makeScratchDirectory } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

interface Collected {
  summary: ReadSummary;
  events: NormalizedEvent[];
  rejected: RejectedLine[];
}

async function readCsv(content: string | Uint8Array, options: ReadLogOptions = {}, name = 'log.csv'): Promise<Collected> {
  const file = await scratch.write(name, content);
  const events: NormalizedEvent[] = [];
  const rejected: RejectedLine[] = [];
  const sink: EventSink = { accept: (event) => events.push(event), reject: (line) => rejected.push(line), checkpoint: async () => {}, done: false };
  const summary = await readCsvEvents(file, options, sink);
  return { summary, events, rejected };
}

/** Windows-1252 bytes for text whose characters are all in Latin-1 plus the euro sign. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => (character === '€' ? 0x80 : character.charCodeAt(0))));
}

describe('readCsvEvents on Dutch exports', () => {
  const dutch = [
    'Zaak;Activiteit;Tijdstip;Kanaal;Bedrag',
    'Z1;Aanvraag ontvangen;03-01-2024 09:15;telefoon;12,50',
    'Z1;Dossier beoordeeld;03-01-2024 14:02:30;web;0,75',
    'Z2;Aanvraag ontvangen;4-1-2024 8:05;balie;3',
  ].join('\r\n');

  it('detects semicolons, decimal commas, CRLF and dd-mm-yyyy dates', async () => {
    const { summary, events, rejected } = await readCsv(`\uFEFF${dutch}\r\n`);
    expect(rejected).toEqual([]);
    expect(summary.detected).toEqual({ delimiter: ';', decimalMark: ',', encoding: 'utf-8', dateFormat: 'dd-mm-yyyy' });
    expect(summary.mapping).toEqual({ caseId: 'Zaak', activity: 'Activiteit', timestamp: 'Tijdstip', channel: 'Kanaal' });
    expect(summary.columns[0]).toBe('Zaak');
    expect(events.map((event) => [event.line, event.caseId, event.activity, formatMicrosAsIso(event.timestampMicros), event.channel])).toEqual([
      [2, 'Z1', 'Aanvraag ontvangen', '2024-01-03T09:15:00.000000Z', 'telefoon'],
      [3, 'Z1', 'Dossier beoordeeld', '2024-01-03T14:02:30.000000Z', 'web'],
      [4, 'Z2', 'Aanvraag ontvangen', '2024-01-04T08:05:00.000000Z', 'balie'],
    ]);
    expect(events.map((event) => JSON.parse(event.attributesJson ?? 'null'))).toEqual([{ Bedrag: 12.5 }, { Bedrag: 0.75 }, { Bedrag: 3 }]);
  });

  it('reads Windows-1252 bytes such as é and € in activity names', async () => {
    const text = 'zaak;activiteit;datum\r\n1;Aanvraag geëvalueerd;05/02/2024\r\n1;Betaald € 10;06/02/2024 10:00\r\n';
    const { summary, events, rejected } = await readCsv(windows1252(text));
    expect(rejected).toEqual([]);
    expect(summary.detected.encoding).toBe('windows-1252');
    expect(summary.detected.dateFormat).toBe('dd/mm/yyyy');
    expect(events.map((event) => event.activity)).toEqual(['Aanvraag geëvalueerd', 'Betaald € 10']);
    expect(events.map((event) => formatMicrosAsIso(event.timestampMicros))).toEqual(['2024-02-05T00:00:00.000000Z', '2024-02-06T10:00:00.000000Z']);
  });

  it('reads tab-separated files with yyyy/mm/dd dates', async () => {
    const { summary, events } = await readCsv('case id\tactivity\ttimestamp\nA\tstart\t2024/02/05 10:00\nA\tend\t2024/02/05 11:00:00\n', {}, 'log.tsv');
    expect(summary.detected.delimiter).toBe('\t');
    expect(summary.detected.dateFormat).toBe('yyyy/mm/dd');
    expect(events).toHaveLength(2);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a field, numbering lines by where a record starts', async () => {
    const content = 'case,activity,timestamp,note\n1,"call, inbound",2024-01-01T10:00:00Z,"said ""hello"""\n1,letter,2024-01-02T10:00:00Z,"two\nlines"\n2,mail,2024-01-03T10:00:00Z,\n';
    const { events, rejected } = await readCsv(content);
    expect(rejected).toEqual([]);
    expect(events.map((event) => [event.line, event.activity, event.attributesJson])).toEqual([
      [2, 'call, inbound', '{"note":"said \\"hello\\""}'],
      [3, 'letter', '{"note":"two\\nlines"}'],
      [5, 'mail', null],
    ]);
  });

  it('converts offsets to UTC', async () => {
    const { events } = await readCsv('case,activity,timestamp\n1,a,2011-10-11 13:45:40.276000+02:00\n');
    expect(events.map((event) => formatMicrosAsIso(event.timestampMicros))).toEqual(['2011-10-11T11:45:40.276000Z']);
  });

  it('follows the options over what it would detect', async () => {
    const { summary, events, rejected } = await readCsv('a|b|when|who\nx|step|01/02/2024|ann\n', {
      delimiter: '|',
      dateFormat: 'mm/dd/yyyy',
      mapping: { caseId: 'a', activity: 'b', timestamp: 'when', resource: 'who' },
    });
    expect(rejected).toEqual([]);
    expect(summary.mapping).toEqual({ caseId: 'a', activity: 'b', timestamp: 'when', resource: 'who' });
    expect(events.map((event) => [formatMicrosAsIso(event.timestampMicros), event.resource])).toEqual([['2024-01-02T00:00:00.000000Z', 'ann']]);
  });

  it('names an unnamed index column instead of losing it', async () => {
    const { summary, events } = await readCsv(',case,activity,timestamp\n0,1,a,2024-01-01\n');
    expect(summary.columns).toEqual(['column1', 'case', 'activity', 'timestamp']);
    expect(events[0]?.attributesJson).toBe('{"column1":0}');
  });
});
