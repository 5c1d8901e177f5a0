/**
 * The one row of an aggregate query without GROUP BY (a count, a sum). SQL always answers such a
 * query with exactly one row, so none means the query is not what its caller takes it for: that
 * is said with the query's purpose, rather than read as undefined further on.
 */
export function aggregateRow<Row>(found: readonly Row[], what: string): Row {
  const [row] = found;
  if (row === undefined) throw new Error(`${what}: the aggregate query answered no row`);
  return row;
}
