// Choosing columns by header name, shared by the event-log and the survey column mappings.

export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-/]+/g, ' ');
}

export function listColumns(columns: readonly string[]): string {
  return columns.length === 0 ? '(none)' : columns.map((column) => `"${column}"`).join(', ');
}

export type ColumnChoice<F extends string> = { ok: true; chosen: Partial<Record<F, string>> } | { ok: false; field: F; reason: string };

/**
 * Applies `override`, then guesses the other fields from header names (compared after
 * `normalizeHeader`, most specific name first). A column feeds one field only; an override naming
 * a column the file does not have is an error, never silently ignored, and so is a required field
 * without a column.
 */
export function chooseColumns<F extends string>(
  columns: readonly string[],
  spec: { fields: readonly F[]; required: readonly F[]; headerNames: Record<F, readonly string[]>; labels: Record<F, string> },
  override: Partial<Record<F, string>>,
): ColumnChoice<F> {
  const taken = new Set<string>();
  const chosen: Partial<Record<F, string>> = {};
  for (const field of spec.fields) {
    const wanted = override[field];
    if (wanted === undefined) continue;
    if (!columns.includes(wanted)) {
      return { ok: false, field, reason: `no column "${wanted}" for the ${spec.labels[field]}; columns are ${listColumns(columns)}` };
    }
    chosen[field] = wanted;
    taken.add(wanted);
  }
  const normalized = columns.map(normalizeHeader);
  for (const field of spec.fields) {
    if (chosen[field] !== undefined) continue;
    for (const name of spec.headerNames[field]) {
      const index = normalized.findIndex((header, i) => header === name && !taken.has(columns[i]!));
      if (index >= 0) {
        chosen[field] = columns[index];
        taken.add(columns[index]!);
        break;
      }
    }
  }
  for (const field of spec.required) {
    if (chosen[field] === undefined) {
      return { ok: false, field, reason: `no column for the ${spec.labels[field]}; columns are ${listColumns(columns)}; name it in the column mapping` };
    }
  }
  return { ok: true, chosen };
}
