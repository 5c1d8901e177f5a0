import { nameColumns, resolveColumnMapping } from './columnMapping.ts';
import { CsvRecordReader } from './csvRecordReader.ts';
import { detectDecimalMark, detectDelimiter, detectEncoding } from './csvDialect.ts';
import { DEFAULT_MAX_LINE_CHARS } from './eventLogTypes.ts';
import type { ColumnMapping, DecimalMark, ReadLogOptions, ReadSummary } from './eventLogTypes.ts';
import { readFileHead } from './logFileSource.ts';
import { LogImportError, quoteValue } from './logImportError.ts';
import { detectDateFormat, type DateFormat } from './timestampParser.ts';

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_ROWS = 200;

/** Everything settled about a CSV file from its head, before DuckDB reads its rows. */
export interface CsvReadPlan {
  file: string;
  encoding: string;
  delimiter: string;
  columns: string[];
  headerLine: number;
  mapping: ColumnMapping;
  dateFormat: DateFormat | null;
  decimalMark: DecimalMark;
  maxLineChars: number;
  /** The average bytes per record in the head, to estimate the events read from the bytes read. */
  bytesPerRecord: number;
  /** Lines end in CRLF: a line break inside a quoted field is read as a plain newline, as before. */
  crlf: boolean;
}

interface CsvLayout {
  encoding: string;
  delimiter: string;
  columns: string[];
  headerLine: number;
  sampleRows: string[][];
  bytesPerRecord: number;
  crlf: boolean;
}

/** Reads the head of the file to settle encoding, delimiter and header before streaming it all. */
async function readLayout(file: string, options: ReadLogOptions, maxLineChars: number): Promise<CsvLayout> {
  const head = await readFileHead(file, SAMPLE_BYTES);
  const encoding = options.encoding ?? detectEncoding(head, head.length < SAMPLE_BYTES);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new LogImportError({ file, line: null, field: null, reason: `unknown encoding ${quoteValue(encoding)}` });
  }
  let text = decoder.decode(head, { stream: true });
  // The head may end inside a line; only whole lines take part in the detection.
  if (head.length === SAMPLE_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const delimiter = options.delimiter ?? detectDelimiter(lines);
  const records: { fields: string[]; line: number }[] = [];
  const reader = new CsvRecordReader(delimiter, maxLineChars, {
    onRecord: (fields, line) => {
      if (records.length <= SAMPLE_ROWS) records.push({ fields, line });
    },
    onBadLine: () => undefined,
  });
  reader.push(text);
  reader.finish();
  const header = records.shift();
  if (header === undefined) throw new LogImportError({ file, line: null, field: null, reason: 'the file has no header line' });
  const sampledLines = Math.max(1, lines.length);
  return {
    bytesPerRecord: Math.max(1, Buffer.byteLength(text) / sampledLines),
    crlf: text.includes('\r\n'),
    encoding,
    delimiter,
    columns: nameColumns(header.fields),
    headerLine: header.line,
    sampleRows: records.map((record) => record.fields),
  };
}

/** Reads the head of the file and settles dialect, mapping and date format, detected or as given. */
export async function planCsvRead(file: string, options: ReadLogOptions): Promise<CsvReadPlan> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const layout = await readLayout(file, options, maxLineChars);
  const resolved = resolveColumnMapping(layout.columns, options.mapping);
  if (!resolved.ok) throw new LogImportError({ file, line: layout.headerLine, field: null, reason: resolved.reason });
  const timestampIndex = layout.columns.indexOf(resolved.mapping.timestamp);
  return {
    file,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    columns: layout.columns,
    headerLine: layout.headerLine,
    mapping: resolved.mapping,
    dateFormat: options.dateFormat ?? detectDateFormat(layout.sampleRows.map((row) => (row[timestampIndex] ?? '').trim())),
    decimalMark: options.decimalMark ?? detectDecimalMark(layout.sampleRows, new Set([timestampIndex])),
    maxLineChars,
    bytesPerRecord: layout.bytesPerRecord,
    crlf: layout.crlf,
  };
}

export function csvReadSummary(plan: CsvReadPlan): ReadSummary {
  return {
    format: 'csv',
    columns: plan.columns,
    mapping: plan.mapping,
    detected: { delimiter: plan.delimiter, decimalMark: plan.decimalMark, encoding: plan.encoding, dateFormat: plan.dateFormat },
  };
}
