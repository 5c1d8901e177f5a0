import type { DecimalMark } from './eventLogTypes.ts';

// At most 15 significant digits: longer numbers (account numbers, ids) would lose digits as doubles.
const POINT_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?$/;
const COMMA_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:,\d{1,15})?$/;

/** A JSON literal for a text value: a number when it reads as one with the file's decimal mark. */
export function attributeValueJson(value: string, decimalMark: DecimalMark): string {
  if (decimalMark === '.' ? POINT_NUMBER.test(value) : COMMA_NUMBER.test(value)) {
    return decimalMark === '.' ? value : value.replace(',', '.');
  }
  return JSON.stringify(value);
}

/**
 * Builds the attributes JSON of a row from the columns no field is mapped to. The object text is
 * concatenated rather than stringified from an object: it runs for every row of a 10M-row import.
 */
export class AttributeColumns {
  private readonly indexes: number[];
  private readonly keys: string[];
  private readonly decimalMark: DecimalMark;

  constructor(columns: readonly string[], mappedIndexes: ReadonlySet<number>, decimalMark: DecimalMark) {
    this.indexes = [];
    this.keys = [];
    columns.forEach((column, index) => {
      if (mappedIndexes.has(index)) return;
      this.indexes.push(index);
      this.keys.push(JSON.stringify(column));
    });
    this.decimalMark = decimalMark;
  }

  toJson(fields: readonly string[]): string | null {
    let json = '';
    // A loop over indexes' own length; keys has the same length (both are filled together).
    for (let i = 0; i < this.indexes.length; i++) {
      const value = fields[this.indexes[i]!];
      if (value === undefined || value.length === 0) continue;
      json += `${json.length === 0 ? '{' : ','}${this.keys[i]}:${attributeValueJson(value, this.decimalMark)}`;
    }
    return json.length === 0 ? null : `${json}}`;
  }
}
