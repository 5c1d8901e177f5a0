/** SQL text for names and paths that DuckDB cannot take as parameters (COPY targets, table names). */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
