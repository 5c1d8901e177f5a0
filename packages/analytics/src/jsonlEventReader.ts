import { resolveColumnMapping } from './columnMapping.ts';
import { DEFAULT_MAX_LINE_CHARS } from './eventLogTypes.ts';
import type { ColumnMapping, EventSink, ReadLogOptions, ReadSummary } from './eventLogTypes.ts';
import { LineSplitter } from './lineSplitter.ts';
import { readFileHead, readTextChunks } from './logFileSource.ts';
import { LogImportError, quoteValue } from './logImportError.ts';
import { detectDateFormat, parseTimestamp, type DateFormat } from './timestampParser.ts';

const SAMPLE_BYTES = 256 * 1024;

type JsonObject = Record<string, unknown>;

function parseObject(line: string): JsonObject | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  return value as JsonObject;
}

function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
  return text.length === 0 ? null : text;
}

/** The keys of the first objects in the file, in first-seen order: JSONL has no header. */
async function sampleObjects(file: string): Promise<JsonObject[]> {
  const head = await readFileHead(file, SAMPLE_BYTES);
  let text = new TextDecoder('utf-8').decode(head, { stream: true });
  if (head.length === SAMPLE_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const objects: JsonObject[] = [];
  for (const line of text.split('\n')) {
    const parsed = line.trim().length === 0 ? null : parseObject(line);
    if (parsed !== null && typeof parsed !== 'string') objects.push(parsed);
  }
  return objects;
}

/**
 * Reads JSON Lines: one object per line. A timestamp may be a string in any known date format or
 * a number of epoch milliseconds (JavaScript's `Date.now()`). Keys not mapped to a field are kept
 * as attributes with their JSON types.
 */
export async function readJsonlEvents(file: string, options: ReadLogOptions, sink: EventSink): Promise<ReadSummary> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const samples = await sampleObjects(file);
  const columns = [...new Set(samples.flatMap((object) => Object.keys(object)))];
  const resolved = resolveColumnMapping(columns, options.mapping);
  if (!resolved.ok) throw new LogImportError({ file, line: 1, field: null, reason: resolved.reason });
  const mapping: ColumnMapping = resolved.mapping;
  const mappedKeys = new Set(
    [mapping.caseId, mapping.activity, mapping.timestamp, mapping.channel, mapping.resource, mapping.segment].filter(
      (key): key is string => key !== undefined,
    ),
  );
  const dateFormat: DateFormat | null =
    options.dateFormat ??
    detectDateFormat(samples.map((object) => object[mapping.timestamp]).filter((value): value is string => typeof value === 'string'));

  const readTimestamp = (value: unknown): number | null => {
    if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : null;
    if (typeof value !== 'string' || dateFormat === null) return null;
    return parseTimestamp(value.trim(), dateFormat);
  };

  const acceptLine = (line: string, lineNumber: number): void => {
    if (line.trim().length === 0) return;
    const object = parseObject(line);
    if (typeof object === 'string') return sink.reject({ line: lineNumber, field: null, reason: object });
    const caseId = textValue(object[mapping.caseId]);
    if (caseId === null) return sink.reject({ line: lineNumber, field: mapping.caseId, reason: 'empty case id' });
    const activity = textValue(object[mapping.activity]);
    if (activity === null) return sink.reject({ line: lineNumber, field: mapping.activity, reason: 'empty activity' });
    const rawTimestamp = object[mapping.timestamp];
    if (rawTimestamp === undefined || rawTimestamp === null || rawTimestamp === '') {
      return sink.reject({ line: lineNumber, field: mapping.timestamp, reason: 'empty timestamp' });
    }
    const timestampMicros = readTimestamp(rawTimestamp);
    if (timestampMicros === null) {
      const expected = dateFormat === null ? 'a known date format or epoch milliseconds' : `${dateFormat} or epoch milliseconds`;
      return sink.reject({
        line: lineNumber,
        field: mapping.timestamp,
        reason: `bad date ${quoteValue(typeof rawTimestamp === 'string' ? rawTimestamp : JSON.stringify(rawTimestamp))} (expected ${expected})`,
      });
    }
    const attributes: JsonObject = {};
    let hasAttributes = false;
    for (const key of Object.keys(object)) {
      if (mappedKeys.has(key) || object[key] === null) continue;
      attributes[key] = object[key];
      hasAttributes = true;
    }
    sink.accept({
      line: lineNumber,
      caseId,
      activity,
      timestampMicros,
      channel: mapping.channel === undefined ? null : textValue(object[mapping.channel]),
      resource: mapping.resource === undefined ? null : textValue(object[mapping.resource]),
      segment: mapping.segment === undefined ? null : textValue(object[mapping.segment]),
      attributesJson: hasAttributes ? JSON.stringify(attributes) : null,
    });
  };

  const lines = new LineSplitter(maxLineChars, {
    onLine: acceptLine,
    onOversizedLine: (lineNumber, limit) => sink.reject({ line: lineNumber, field: null, reason: `line is longer than ${limit} characters` }),
  });
  try {
    for await (const text of readTextChunks(file, { encoding: 'utf-8', onProgress: options.onProgress })) {
      lines.push(text);
      await sink.checkpoint();
      if (sink.done) break;
    }
  } catch (error) {
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new LogImportError({ file, line: lines.currentLine, field: null, reason: 'not valid UTF-8, which JSON Lines requires' });
    }
    throw error;
  }
  if (!sink.done) lines.finish();
  return { format: 'jsonl', columns, mapping, detected: { delimiter: null, decimalMark: '.', encoding: 'utf-8', dateFormat } };
}
