import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvEvents } from './csvEventReader.ts';
import { planCsvRead } from './csvReadPlan.ts';
import type { NormalizedEvent, ReadLogOptions, RejectedLine } from './eventLogTypes.ts';
import { encodeEventRow } from './eventRowEncoding.ts';
import { readCsvEventsInParallel, type EncodedEventSink } from './parallelCsvReader.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
beforeAll(async () => {
  scratch = await makeScratchDirectory();
});
afterAll(() => scratch.remove());

interface Outcome {
  /** The rows as encoded for DuckDB, in file order. */
  rows: string;
  events: number;
  rejected: RejectedLine[];
  rejectedCount: number;
}

/** Rows encoded with their line as order, as the parallel reader's workers encode them. */
async function readSequentially(file: string, options: ReadLogOptions): Promise<Outcome> {
  const rows: string[] = [];
  const rejected: RejectedLine[] = [];
  await readCsvEvents(file, options, {
    accept: (event: NormalizedEvent) => rows.push(encodeEventRow(event, event.line) ?? 'too large'),
    reject: (rejection) => rejected.push(rejection),
    checkpoint: async () => {},
    done: false,
  });
  return { rows: rows.join(''), events: rows.length, rejected, rejectedCount: rejected.length };
}

async function readInParallel(file: string, options: ReadLogOptions, chunkBytes: number): Promise<Outcome> {
  const text: string[] = [];
  const rejected: RejectedLine[] = [];
  let rejectedCount = 0;
  let events = 0;
  const sink: EncodedEventSink = {
    accept: () => {
      throw new Error('the parallel reader only hands over encoded rows');
    },
    acceptEncoded: (chunks, count) => {
      text.push(...chunks.map((chunk) => chunk.toString('utf8')));
      events += count;
    },
    reject: (rejection) => {
      rejected.push(rejection);
      rejectedCount++;
    },
    countRejected: (count) => {
      rejectedCount += count;
    },
    checkpoint: async () => {},
    done: false,
  };
  await readCsvEventsInParallel(await planCsvRead(file, options), options, sink, 2, 1000, chunkBytes);
  return { rows: text.join(''), events, rejected, rejectedCount };
}

const TRICKY = [
  'case;activity;timestamp;note',
  '1;"intake; phone";01-02-2024 10:00;"he said ""hi"""',
  '1;"multi',
  'line; with ""quotes""',
  'and more";02-02-2024 11:00;',
  '',
  '2;intake;31-02-2024;bad date',
  '2;"x";03-02-2024;5" screen',
  '3;only;two',
  '3;é and ü;04-02-2024 09:30;"12,5"',
  '4;last;05-02-2024;no newline at the end',
].join('\r\n');

describe('readCsvEventsInParallel', () => {
  it.each([7, 16, 64, 1000])('gives the sequential result with %i-byte chunks', async (chunkBytes) => {
    const file = await scratch.write(`tricky-${chunkBytes}.csv`, `\uFEFF${TRICKY}`);
    const sequential = await readSequentially(file, {});
    expect(sequential.events).toBe(5);
    expect(sequential.rejected.map((rejection) => rejection.line)).toEqual([7, 9]);
    expect(await readInParallel(file, {}, chunkBytes)).toEqual(sequential);
  });

  it('gives the sequential result for Windows-1252 bytes', async () => {
    const text = 'zaak;activiteit;datum\r\n1;Aanvraag geëvalueerd;05/02/2024\r\n1;Betaald € 10;06/02/2024 10:00\r\n';
    const bytes = Uint8Array.from([...text].map((character) => (character === '€' ? 0x80 : character.charCodeAt(0))));
    const file = await scratch.write('latin.csv', bytes);
    const sequential = await readSequentially(file, {});
    expect(sequential.rows).toContain('Betaald € 10');
    expect(await readInParallel(file, {}, 16)).toEqual(sequential);
  });

  it('gives the sequential result on receipt.csv', async () => {
    const file = join(SHARED_EVENT_LOGS, 'receipt.csv');
    const sequential = await readSequentially(file, {});
    expect(sequential.events).toBe(8577);
    expect(await readInParallel(file, {}, 64 * 1024)).toEqual(sequential);
  });

  it('rejects an overlong line without holding it and numbers the lines after it', async () => {
    const file = await scratch.write('long.csv', `case,activity,timestamp\n1,a,2024-01-01\n1,${'x'.repeat(5000)},2024-01-02\n2,b,2024-01-03\n`);
    const options = { maxLineChars: 100 };
    const sequential = await readSequentially(file, options);
    expect(sequential.rejected).toEqual([{ line: 3, field: null, reason: 'line is longer than 100 characters' }]);
    expect(await readInParallel(file, options, 64)).toEqual(sequential);
  });

  it('names the line of bytes that are not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('case,activity,timestamp\n1,a,2024-01-01\n1,'), Buffer.from([0xe9]), Buffer.from(',2024-01-02\n')]);
    const file = await scratch.write('bad-utf8.csv', bytes);
    await expect(readInParallel(file, { encoding: 'utf-8' }, 16)).rejects.toThrow(/bad-utf8\.csv:3: not valid utf-8/);
  });
});
