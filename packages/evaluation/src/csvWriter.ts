// Writing CSV for people who open it in a spreadsheet (the reader is csvRows.ts): RFC 4180
// quoting, CRLF line ends and a BOM so that Excel reads UTF-8, and no cell a spreadsheet would
// run as a formula.

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula:
 * such text gets a leading apostrophe. A plain number such as -1 is left alone.
 */
export function neutralizeCsvFormula(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell: made formula-safe, then quoted when it holds a quote, the delimiter or a line break. */
export function csvField(value: string, delimiter = ','): string {
  const safe = neutralizeCsvFormula(value);
  return safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: a BOM, then every row with CRLF after it. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ','): string {
  return '\uFEFF' + rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter) + '\r\n').join('');
}
