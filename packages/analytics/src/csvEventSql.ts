import type { CsvReadPlan } from './csvReadPlan.ts';
import { sqlString } from './sqlText.ts';
import type { DateFormat } from './timestampParser.ts';

/*
 * The SQL that turns a CSV event log into normalized events, doing in DuckDB what the JavaScript
 * reader did per row: trim the mapped fields, parse the timestamp in the file's date format, keep
 * the other columns as a JSON object (numbers as numbers with the file's decimal mark), and mark
 * the rows a check fails.
 */

/** The CSV columns under names of our own: a header may repeat a name, leave one empty or quote oddly. */
function csvColumnName(index: number): string {
  return `c${index}`;
}

/**
 * A column's text. In a CRLF file a line break inside a quoted field is a newline, as the
 * JavaScript reader gave it and as LF files have it; other files pay nothing for it.
 */
function csvColumn(index: number, plan: CsvReadPlan): string {
  return plan.crlf ? `replace(${csvColumnName(index)}, chr(13) || chr(10), chr(10))` : csvColumnName(index);
}

export interface CsvSourceTables {
  rejectsTable: string;
  scanTable: string;
  maxStoredErrors: number;
}

/** The `max_line_size` given to DuckDB: the plan's limit, never below DuckDB's minimum. */
export function csvLineLimit(plan: CsvReadPlan): number {
  return Math.max(plan.maxLineChars, 64);
}

/**
 * `read_csv` with every setting given, nothing sniffed: all columns as text (the checks below
 * name the field and value; a typed column would turn a bad date into a silent NULL), strict
 * RFC 4180 quoting, and the rejects table that names each record the reader could not take.
 * `bufferBytes` sets DuckDB's read buffer (see SMALL_READ_BUFFER_BYTES in csvEventLoader.ts).
 */
export function csvSource(path: string, plan: CsvReadPlan, tables: CsvSourceTables, bufferBytes?: number): string {
  const columns = plan.columns.map((_, index) => `${sqlString(csvColumnName(index))}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(path)},
    header = true, skip = ${plan.headerLine - 1}, auto_detect = false, columns = {${columns}},
    delim = ${sqlString(plan.delimiter)}, quote = '"', escape = '"', encoding = 'utf-8', strict_mode = true,
    max_line_size = ${csvLineLimit(plan)},${bufferBytes === undefined ? '' : ` buffer_size = ${bufferBytes},`}
    store_rejects = true, rejects_table = ${sqlString(tables.rejectsTable)}, rejects_scan = ${sqlString(tables.scanTable)},
    rejects_limit = ${tables.maxStoredErrors})`;
}

/** Where the date sits in each format, to be rewritten as ISO 8601 before DuckDB's own cast. */
const DATE_REWRITES: Record<Exclude<DateFormat, 'yyyy-mm-dd'>, { pattern: string; replacement: string }> = {
  'dd-mm-yyyy': { pattern: '^([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})', replacement: '\\3-\\2-\\1' },
  'dd/mm/yyyy': { pattern: '^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})', replacement: '\\3-\\2-\\1' },
  'mm/dd/yyyy': { pattern: '^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})', replacement: '\\3-\\1-\\2' },
  'yyyy/mm/dd': { pattern: '^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})', replacement: '\\1-\\2-\\3' },
  'dd.mm.yyyy': { pattern: '^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})', replacement: '\\3-\\2-\\1' },
};

/**
 * The timestamp as UTC: with the session in UTC, a TIMESTAMPTZ cast turns an offset into UTC and
 * leaves a naive time as written, the rule of every reader here. Other date orders are rewritten
 * to ISO first; text that does not start with a date in the file's format is no timestamp.
 */
function timestampSql(text: string, format: DateFormat | null): string {
  if (format === null) return 'NULL::TIMESTAMP';
  if (format === 'yyyy-mm-dd') return isoTimestampSql(text);
  const { pattern, replacement } = DATE_REWRITES[format];
  return isoTimestampSql(`CASE WHEN regexp_matches(${text}, ${sqlString(pattern)}) THEN regexp_replace(${text}, ${sqlString(pattern)}, ${sqlString(replacement)}) END`);
}

/**
 * ISO 8601 text as a UTC TIMESTAMP. The TIMESTAMPTZ cast (through ICU) cost 2.5 times the
 * TIMESTAMP cast, which ignores an offset: only text with an offset (a `+`, or a `-` after the
 * date) takes it. `Z` is UTC either way.
 */
function isoTimestampSql(text: string): string {
  return `CASE WHEN contains(${text}, '+') OR contains(substr(${text}, 11), '-') THEN CAST(TRY_CAST(${text} AS TIMESTAMPTZ) AS TIMESTAMP) ELSE TRY_CAST(${text} AS TIMESTAMP) END`;
}

/** At most 15 significant digits: longer numbers (account numbers, ids) would lose digits as doubles. */
const NUMBER_PATTERNS = {
  '.': '^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,15})?$',
  ',': '^-?(0|[1-9][0-9]{0,14})(,[0-9]{1,15})?$',
} as const;

/**
 * The unmapped columns as one JSON object text, without the empty ones; NULL when all are empty.
 * Built with as few string concatenations as it can: each one allocates the row's text again, and
 * `'{' || concat_ws(...) || '}'` over one attribute column cost 0.18–0.24 s of CPU per million rows
 * against 0.1 s this way (issue 13).
 */
function attributesSql(plan: CsvReadPlan, mapped: ReadonlySet<string>): string {
  const values = plan.columns.flatMap((name, index) => {
    if (mapped.has(name)) return [];
    const column = csvColumn(index, plan);
    const number = plan.decimalMark === '.' ? column : `replace(${column}, ',', '.')`;
    return [{ name, column, number }];
  });
  const value = (
    { column, number }: { column: string; number: string },
    text: (value: string) => string,
  ): string => `CASE WHEN ${column} IS NULL OR ${column} = '' THEN NULL
        WHEN regexp_full_match(${column}, ${sqlString(NUMBER_PATTERNS[plan.decimalMark])}) THEN ${text(number)}
        ELSE ${text(`CAST(to_json(${column}) AS VARCHAR)`)} END`;
  const [only] = values;
  if (only === undefined) return 'NULL::VARCHAR';
  // One column: the whole object in one concat.
  if (values.length === 1) return value(only, (text) => `concat(${sqlString(`{${JSON.stringify(only.name)}:`)}, ${text}, '}')`);
  const members = values.map((column) => value(column, (text) => `${sqlString(`${JSON.stringify(column.name)}:`)} || ${text}`));
  return `NULLIF(concat('{', concat_ws(',', ${members.join(', ')}), '}'), '{}')`;
}

/** Whitespace that a mapped field is trimmed of: what spreadsheets leave around values, byte order mark included. */
const WHITESPACE = [' ', '\t', '\u00a0', '\ufeff'];

/**
 * A mapped field without surrounding whitespace, NULL when nothing is left. DuckDB's trim() cost
 * more than reading the field (0.07 s per column per million rows, measured): only values that
 * may start or end with whitespace pay for it. The start is tested by two comparisons of the text
 * (DuckDB compares bytes): below `!` are the space, the tab and the empty text, and from U+00A0
 * up lie the no-break space, the byte order mark and any text starting with another non-ASCII
 * character, which is trimmed to be sure. That took 0.06–0.08 s of CPU per million rows off four
 * `prefix` tests per column (issue 13). The empty text is below `!`, so a value left as it is
 * is never empty and only a trimmed one needs NULLIF.
 */
function trimmedSql(column: string): string {
  const characters = WHITESPACE.map((character) => `chr(${character.codePointAt(0)})`);
  const ends = characters.map((character) => `suffix(${column}, ${character})`).join(' OR ');
  return `CASE WHEN ${column} < '!' OR ${column} >= chr(160) OR ${ends} THEN NULLIF(trim(${column}, ${characters.join(' || ')}), '') ELSE ${column} END`;
}

/**
 * The normalized events of `source` in file order, with a `problem` column: 0 for a good row,
 * else the first check it fails (1 empty case id, 2 empty activity, 3 empty timestamp, 4 bad
 * date). A rejected row carries its timestamp text in `attributes`, for the message. There is no
 * `file_order` here: `row_number() OVER ()` makes DuckDB read, check and write on one thread, so
 * the rows are written in file order and numbered by `file_row_number` when read back.
 */
export function csvEventsSelect(source: string, plan: CsvReadPlan): string {
  const { mapping } = plan;
  const text = (name: string | undefined): string => {
    const position = name === undefined ? -1 : plan.columns.indexOf(name);
    return position < 0 ? 'NULL::VARCHAR' : trimmedSql(csvColumn(position, plan));
  };
  const mapped = new Set(Object.values(mapping).filter((name): name is string => name !== undefined));
  return `
    SELECT case_id, activity, ts, channel, resource, segment,
           CASE WHEN problem = 0 THEN attributes ELSE ts_text END AS attributes, problem
    FROM (
      SELECT *,
        CASE WHEN case_id IS NULL THEN 1 WHEN activity IS NULL THEN 2 WHEN ts_text IS NULL THEN 3 WHEN ts IS NULL THEN 4 ELSE 0 END AS problem
      FROM (
        SELECT *, ${timestampSql('ts_text', plan.dateFormat)} AS ts
        FROM (
          SELECT ${text(mapping.caseId)} AS case_id, ${text(mapping.activity)} AS activity, ${text(mapping.timestamp)} AS ts_text,
                 ${text(mapping.channel)} AS channel, ${text(mapping.resource)} AS resource, ${text(mapping.segment)} AS segment,
                 ${attributesSql(plan, mapped)} AS attributes
          FROM ${source}
        )
      )
    )`;
}
