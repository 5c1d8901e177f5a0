import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, EventSink, NormalizedEvent, RejectedLine } from './eventLogTypes.ts';
import { readTextChunks } from './logFileSource.ts';
import { importLog } from './logImporter.ts';
import { LogImportError } from './logImportError.ts';
import { loadEventLog } from './logLoader.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';
import { readXesSource, type XesParserChoice, type XesSource } from './xesEventReader.ts';
import { MALFORMED_DOCUMENTS, manyEvents, SCANNED_DOCUMENTS, UNSCANNED_DOCUMENTS, xesLog } from './xesTestDocuments.ts';

/*
 * The fast scanner must be indistinguishable from saxes: the same events and rejections in the
 * same order, the same errors, whatever the chunk boundaries. saxes alone is the reference.
 */

const MAPPING: ColumnMapping = { caseId: 'concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource', segment: 'segment' };

type Delivery = { accepted: NormalizedEvent } | { rejected: RejectedLine };

interface Outcome {
  delivered: Delivery[];
  error: { message: string; line: number | null } | null;
  /** Null when the read failed. */
  parsedBy: XesParserChoice | null;
  attributeKeys: string[] | null;
}

/** The document in chunks of `chunkChars`, never splitting a surrogate pair (as the UTF-8 decoder never does). */
function chunked(content: string, chunkChars: number): XesSource {
  return {
    file: 'test.xes',
    gunzip: false,
    async *chunks() {
      for (let start = 0; start < content.length; ) {
        let end = Math.min(content.length, start + chunkChars);
        const last = content.charCodeAt(end - 1);
        if (last >= 0xd800 && last <= 0xdbff) end++;
        yield content.slice(start, end);
        start = end;
      }
    },
  };
}

/** Reads `source` with one parser; the sink is done after `doneAfterRejections` rejections. */
async function read(source: XesSource, parser: XesParserChoice, doneAfterRejections = Infinity): Promise<Outcome> {
  const delivered: Delivery[] = [];
  let rejections = 0;
  const sink: EventSink = {
    accept: (event) => delivered.push({ accepted: event }),
    reject: (rejection) => {
      rejections++;
      delivered.push({ rejected: rejection });
    },
    checkpoint: async () => {},
    get done() {
      return rejections >= doneAfterRejections;
    },
  };
  try {
    const { parsedBy, attributeKeys } = await readXesSource(source, MAPPING, 'yyyy-mm-dd', sink, parser);
    return { delivered, error: null, parsedBy, attributeKeys };
  } catch (error) {
    if (!(error instanceof LogImportError)) throw error;
    return { delivered, error: { message: error.message, line: error.line }, parsedBy: null, attributeKeys: null };
  }
}

/** Small chunks split every token somewhere; large ones cross the 4096-character join of a cut-off token. */
function chunkSizes(content: string): number[] {
  const sizes = content.length > 20_000 ? [4097, 5000, 65_536] : [1, 2, 3, 7, 64, 4097];
  return [...sizes, content.length];
}

/**
 * Reads `content` in chunks of every size with both parsers and expects the same outcome. The
 * reference is saxes on the same chunks: where saxes reports text outside the root, and where a
 * done sink stops the reading, depends on the chunks. `parsedBy`, when given, is the parser the
 * fast reader must end up with. Returns saxes' outcome on the whole document.
 */
async function expectSameAsSaxes(content: string, parsedBy?: XesParserChoice, doneAfterRejections = Infinity): Promise<Outcome> {
  for (const size of chunkSizes(content)) {
    const expected = await read(chunked(content, size), 'saxes', doneAfterRejections);
    const actual = await read(chunked(content, size), 'fast', doneAfterRejections);
    const expectedParser = expected.error !== null ? null : (parsedBy ?? actual.parsedBy);
    expect({ size, ...actual }).toEqual({ size, ...expected, parsedBy: expectedParser });
  }
  return read(chunked(content, content.length), 'saxes', doneAfterRejections);
}

describe('the fast XES scanner against saxes', () => {
  for (const [name, xes] of Object.entries(SCANNED_DOCUMENTS)) {
    it(`reads ${name} itself, exactly as saxes does`, async () => {
      const reference = await expectSameAsSaxes(xes, 'fast');
      expect(reference.error).toBeNull();
    });
  }

  it('reads what the documents hold (the reference is not empty-handed)', async () => {
    const entities = await read(chunked(SCANNED_DOCUMENTS['entity and character references in keys and values'], 5), 'fast');
    expect(entities.delivered).toHaveLength(1);
    const [first] = entities.delivered;
    expect(first !== undefined && 'accepted' in first && first.accepted).toMatchObject({ caseId: 'c1', activity: `A & B <c> "d" 'e' café €5 😀`, attributesJson: '{"note":"\\nkept\\t"}' });
    const spaces = await read(chunked(SCANNED_DOCUMENTS['raw tabs and line breaks in values become spaces'], 3), 'fast');
    expect(spaces.delivered.map((delivery) => 'accepted' in delivery && delivery.accepted.activity)).toEqual(['two  lines and  more end']);
    const late = await read(chunked(SCANNED_DOCUMENTS['trace attributes after the events, and a trace without a case id'], 7), 'fast');
    expect(late.delivered.map((delivery) => ('accepted' in delivery ? delivery.accepted.caseId : delivery.rejected.reason))).toEqual([
      'late',
      'late',
      'the trace at line 8 has no case id',
      'the trace at line 11 has no case id',
    ]);
  });

  it('counts CR LF and CR line endings as saxes does', async () => {
    for (const name of ['CR LF line endings', 'CR line endings'] as const) {
      const { delivered } = await read(chunked(SCANNED_DOCUMENTS[name], 1), 'fast');
      expect(delivered).toEqual([
        { rejected: { line: 5, field: 'time:timestamp', reason: 'event has no timestamp' } },
        { rejected: { line: 8, field: 'time:timestamp', reason: 'bad date "bad date" (expected yyyy-mm-dd)' } },
      ]);
    }
  });

  for (const [name, xes] of Object.entries(UNSCANNED_DOCUMENTS)) {
    it(`leaves ${name} to saxes`, async () => {
      await expectSameAsSaxes(xes, 'saxes');
    });
  }

  for (const [name, { xes, line }] of Object.entries(MALFORMED_DOCUMENTS)) {
    it(`refuses ${name} with saxes' error at line ${line}`, async () => {
      const reference = await expectSameAsSaxes(xes, 'saxes');
      expect(reference.error?.message).toMatch(new RegExp(`^test\\.xes:${line}: invalid XML: .+ \\(column \\d+\\)$`));
      expect(reference.error?.line).toBe(line);
    });
  }

  it('stops where saxes stops once the sink is done, also on malformed XML', async () => {
    // When the sink is done with a tag cut off at the end of a chunk, saxes reads up to there
    // again (it would have gone on into that tag), so the parser is not asserted here.
    const rejecting = SCANNED_DOCUMENTS['rejected events'];
    for (const doneAfter of [1, 2, 3]) await expectSameAsSaxes(rejecting, undefined, doneAfter);
    const malformedLater = rejecting.replace('</log>', '<oops></log>');
    for (const doneAfter of [1, 2, 3, 5]) await expectSameAsSaxes(malformedLater, undefined, doneAfter);
  });

  it('reports the malformed tag that saxes meets in the chunk in which the sink is done', async () => {
    // The chunk ends inside the bad tag: the scanner cannot tell it is bad, saxes can.
    const content = xesLog(`<event><string key="concept:name" value="outside"/></event>\n<trace><string ke"y="a" value="c"/></trace>`);
    const endsInsideTheBadTag = content.indexOf('ke"y') + 4;
    const fast = await read(chunked(content, endsInsideTheBadTag), 'fast', 1);
    expect(fast).toEqual(await read(chunked(content, endsInsideTheBadTag), 'saxes', 1));
    expect(fast.error?.message).toMatch(/^test\.xes:4: invalid XML: disallowed character in attribute name/);
  });

  it('hands over to saxes in the middle of a long document without delivering an event twice', async () => {
    const events = manyEvents(200);
    const late = events.lastIndexOf('<event>');
    const withText = `${events.slice(0, late)}text${events.slice(late)}`;
    const reference = await expectSameAsSaxes(withText, 'saxes');
    expect(reference.delivered).toHaveLength(1000);
    const malformed = `${events.slice(0, late)}<event a="1" a="2">${events.slice(late + 7)}`;
    const refused = await expectSameAsSaxes(malformed, 'saxes');
    expect(refused.delivered.length).toBeGreaterThan(990);
    expect(refused.error?.message).toMatch(/invalid XML: duplicate attribute: a\./);
  });

  it('reads BPIC 2012 exactly as saxes does', async () => {
    const file = join(SHARED_EVENT_LOGS, 'bpic2012.xes.gz');
    const source: XesSource = { file, gunzip: true, chunks: () => readTextChunks(file, { encoding: 'utf-8', gunzip: true }) };
    const digest = async (parser: XesParserChoice): Promise<{ digest: string; events: number; parsedBy: XesParserChoice; attributeKeys: string[] }> => {
      const hash = createHash('sha256');
      let events = 0;
      const sink: EventSink = {
        accept: (event) => {
          events++;
          hash.update(JSON.stringify(event));
        },
        reject: (rejection) => hash.update(JSON.stringify(rejection)),
        checkpoint: async () => {},
        done: false,
      };
      const { parsedBy, attributeKeys } = await readXesSource(source, { ...MAPPING, segment: undefined }, 'yyyy-mm-dd', sink, parser);
      return { digest: hash.digest('hex'), events, parsedBy, attributeKeys };
    };
    const fast = await digest('fast');
    expect(fast).toEqual({ ...(await digest('saxes')), parsedBy: 'fast' });
    expect(fast.events).toBe(262_200);
  }, 60_000);
});

describe('malformed XES files', () => {
  let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
  beforeAll(async () => {
    scratch = await makeScratchDirectory();
  });
  afterAll(() => scratch.remove());

  const cases = ['an unclosed tag', 'a mismatched close tag', 'an undefined entity', 'a < in an attribute value', 'a duplicate attribute', 'text before the root', 'text after the root'] as const;
  for (const name of cases) {
    it(`fail with invalid XML and the line for ${name}, plain and gzip`, async () => {
      const { xes, line } = MALFORMED_DOCUMENTS[name];
      for (const [fileName, content] of [
        ['malformed.xes', xes],
        ['malformed.xes.gz', gzipSync(xes)],
      ] as const) {
        const file = await scratch.write(fileName, content);
        const error = await loadEventLog(file).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LogImportError);
        expect(error).toMatchObject({ file, line, field: null });
        expect((error as Error).message).toMatch(new RegExp(`^${file}:${line}: invalid XML: `));
      }
    });
  }

  it('leave nothing in the store', async () => {
    const storeDir = scratch.path('store');
    const file = await scratch.write('late-error.xes', manyEvents(300).replace(/<\/log>\s*$/, ''));
    await expect(importLog(file, { storeDir })).rejects.toThrow(/late-error\.xes:\d+: invalid XML: unclosed tag: log/);
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
  });

  it('name the line of invalid UTF-8 after the text before it is read', async () => {
    const good = '<?xml version="1.0"?>\n<log>\n<trace><string key="concept:name" value="c1"/>\n<event>\n<string key="concept:name" value="caf';
    const file = await scratch.write('latin1.xes', Buffer.concat([Buffer.from(good), Buffer.from([0xe9]), Buffer.from('"/></event></trace></log>')]));
    await expect(loadEventLog(file)).rejects.toThrow(new RegExp(`^${file}:5: not valid UTF-8$`));
  });
});
