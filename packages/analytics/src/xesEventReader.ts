import { SaxesParser } from 'saxes';
import { givenFields } from './columnMapping.ts';
import type { ColumnMapping, EventSink, NormalizedEvent, ReadLogOptions, ReadProgress, ReadSummary, RejectedLine } from './eventLogTypes.ts';
import { GzipBombError, isGzip, readFileHead, readTextChunks } from './logFileSource.ts';
import { LogImportError } from './logImportError.ts';
import type { DateFormat } from './timestampParser.ts';
import { XesEventBuilder } from './xesEventBuilder.ts';
import { XesTextScanner } from './xesTextScanner.ts';

const DEFAULT_XES_MAPPING: ColumnMapping = {
  caseId: 'concept:name',
  activity: 'concept:name',
  timestamp: 'time:timestamp',
  resource: 'org:resource',
};

/** The text of an XES document. `chunks` reads it from the start each time it is called. */
export interface XesSource {
  file: string;
  gunzip: boolean;
  chunks(): AsyncIterable<string>;
}

/**
 * `fast`: the XES scanner, and saxes from the start of the document when the scanner gives up;
 * `saxes`: saxes alone.
 */
export type XesParserChoice = 'fast' | 'saxes';

export interface XesReadResult {
  /** The attribute keys kept as event attributes. */
  attributeKeys: string[];
  /** The parser whose reading counts: `saxes` also when the fast scanner gave up. */
  parsedBy: XesParserChoice;
}

/**
 * Streams XES (plain or gzip): one chunk of text in memory at a time, plus the events of the
 * current trace while its case id is still unknown. See XesEventBuilder for what becomes an event.
 */
export async function readXesEvents(file: string, options: ReadLogOptions, sink: EventSink): Promise<ReadSummary> {
  const mapping: ColumnMapping = { ...DEFAULT_XES_MAPPING, ...givenFields(options.mapping) };
  const dateFormat = options.dateFormat ?? 'yyyy-mm-dd';
  const gunzip = isGzip(await readFileHead(file, 2));
  const onProgress = forwardOnly(options.onProgress);
  const source: XesSource = { file, gunzip, chunks: () => readTextChunks(file, { encoding: 'utf-8', gunzip, onProgress }) };
  let attributeKeys: string[];
  try {
    ({ attributeKeys } = await readXesSource(source, mapping, dateFormat, sink));
  } catch (error) {
    if (error instanceof GzipBombError) throw new LogImportError({ file, line: null, field: null, reason: error.message });
    throw error;
  }
  return {
    format: 'xes',
    columns: attributeKeys,
    mapping,
    detected: { delimiter: null, decimalMark: '.', encoding: 'utf-8', dateFormat },
  };
}

/** Progress that never goes back, though the document may be read twice. */
function forwardOnly(onProgress: ((progress: ReadProgress) => void) | undefined): ((progress: ReadProgress) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let furthest = -1;
  return (progress) => {
    if (progress.bytesRead <= furthest) return;
    furthest = progress.bytesRead;
    onProgress(progress);
  };
}

/**
 * Reads an XES document into `sink`. The fast scanner reads it first; if it gives up (on anything
 * it does not handle, and on anything malformed), saxes reads the document again from the start
 * and delivers only what the scanner had not: the sink sees exactly what saxes alone would have
 * given it, including its `invalid XML` error with line and column.
 */
export async function readXesSource(
  source: XesSource,
  mapping: ColumnMapping,
  dateFormat: DateFormat,
  sink: EventSink,
  parser: XesParserChoice = 'fast',
): Promise<XesReadResult> {
  if (parser === 'saxes') {
    const builder = new XesEventBuilder(mapping, dateFormat, sink);
    await parseWithSaxes(source, builder, sink);
    return { attributeKeys: builder.attributeKeys, parsedBy: 'saxes' };
  }
  const counted = new CountingSink(sink);
  const fastBuilder = new XesEventBuilder(mapping, dateFormat, counted);
  if (await scanFast(source, fastBuilder, counted)) return { attributeKeys: fastBuilder.attributeKeys, parsedBy: 'fast' };
  const resumed = new ResumingSink(sink, counted.delivered);
  const builder = new XesEventBuilder(mapping, dateFormat, resumed);
  await parseWithSaxes(source, builder, resumed);
  return { attributeKeys: builder.attributeKeys, parsedBy: 'saxes' };
}

/** The chunks, then null in place of a read error (invalid UTF-8, a broken gzip stream). */
async function* chunksOrReadFailure(chunks: AsyncIterable<string>): AsyncGenerator<string | null> {
  try {
    yield* chunks;
  } catch (error) {
    // Reading a zip bomb again with saxes would only cost the same again.
    if (error instanceof GzipBombError) throw error;
    yield null;
  }
}

/** True when the scanner read the whole document (or as much as the sink wanted); false when saxes must read it. */
async function scanFast(source: XesSource, builder: XesEventBuilder, sink: EventSink): Promise<boolean> {
  const scanner = new XesTextScanner(builder);
  for await (const text of chunksOrReadFailure(source.chunks())) {
    // On a read error saxes reads up to it again: it reports the error with its line, or an XML
    // error before it, as it always did.
    if (text === null) return false;
    if (!scanner.write(text)) return false;
    await sink.checkpoint();
    // saxes would have gone on into the tag cut off at the end of the chunk, which might be malformed.
    if (sink.done) return !scanner.holdsPartialToken;
  }
  return scanner.end();
}

async function parseWithSaxes(source: XesSource, builder: XesEventBuilder, sink: EventSink): Promise<void> {
  const { file, gunzip } = source;
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (tag) => {
    const { key, value } = tag.attributes;
    builder.startElement(tag.name, typeof key === 'string' ? key : undefined, typeof value === 'string' ? value : undefined, parser.line);
  });
  parser.on('closetag', (tag) => builder.endElement(tag.name));
  parser.on('error', (error: Error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '');
    throw new LogImportError({ file, line: parser.line, field: null, reason: `invalid XML: ${reason} (column ${parser.column})` });
  });

  try {
    for await (const text of source.chunks()) {
      parser.write(text);
      await sink.checkpoint();
      if (sink.done) break;
    }
    if (!sink.done) parser.close();
  } catch (error) {
    if (error instanceof LogImportError || error instanceof GzipBombError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
        ? 'not valid UTF-8'
        : `cannot read ${gunzip ? 'the gzip stream' : 'the file'}: ${(error as Error).message}`;
    throw new LogImportError({ file, line: parser.line, field: null, reason });
  }
}

/** Counts what the fast scanner delivers, so that a saxes re-read after it gives up does not deliver it twice. */
class CountingSink implements EventSink {
  private readonly sink: EventSink;
  delivered = 0;

  constructor(sink: EventSink) {
    this.sink = sink;
  }

  accept(event: NormalizedEvent): void {
    this.delivered++;
    this.sink.accept(event);
  }

  reject(rejection: RejectedLine): void {
    this.delivered++;
    this.sink.reject(rejection);
  }

  checkpoint(): Promise<void> {
    return this.sink.checkpoint();
  }

  get done(): boolean {
    return this.sink.done;
  }
}

/** Passes on what comes after the first `skip` events and rejections: a re-read resuming where the fast scanner stopped. */
class ResumingSink implements EventSink {
  private readonly sink: EventSink;
  private readonly skip: number;
  private skipped = 0;

  constructor(sink: EventSink, skip: number) {
    this.sink = sink;
    this.skip = skip;
  }

  accept(event: NormalizedEvent): void {
    if (this.skipped < this.skip) this.skipped++;
    else this.sink.accept(event);
  }

  reject(rejection: RejectedLine): void {
    if (this.skipped < this.skip) this.skipped++;
    else this.sink.reject(rejection);
  }

  checkpoint(): Promise<void> {
    return this.sink.checkpoint();
  }

  /** The sink may be done with what the scanner delivered; the re-read stops only once it has caught up. */
  get done(): boolean {
    return this.skipped >= this.skip && this.sink.done;
  }
}
