// A small CSV reader for questionnaire files: RFC 4180 quoting ("" inside quotes, line breaks
// inside quoted fields), a comma, semicolon or tab as delimiter (Dutch spreadsheets write
// semicolons), and the line each row starts on, so an error can say where to look.

export interface CsvRow {
  /** The 1-based line of the file the row starts on. */
  line: number;
  fields: string[];
}

export type CsvReadResult = { ok: true; rows: CsvRow[]; delimiter: string } | { ok: false; line: number; message: 'unclosed-quote' };

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often in the first line, outside quotes; a comma when there is none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Reads every row; lines that are empty are skipped. A quote that is never closed is an error at the line it opened. */
export function readCsvRows(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'unclosed-quote' };
  if (field !== '' || fields.length > 0) endRow();
  return { ok: true, rows, delimiter };
}
