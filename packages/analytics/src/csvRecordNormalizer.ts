import { AttributeColumns } from './eventAttributes.ts';
import type { CsvRecordHandlers } from './csvRecordReader.ts';
import type { CsvReadPlan } from './csvReadPlan.ts';
import type { EventSink } from './eventLogTypes.ts';
import { quoteValue } from './logImportError.ts';
import { parseTimestamp } from './timestampParser.ts';

function columnIndex(columns: readonly string[], name: string | undefined): number {
  return name === undefined ? -1 : columns.indexOf(name);
}

/** A mapped column's position: the plan's mapping was resolved against these columns, so it is there. */
function mappedColumnIndex(columns: readonly string[], name: string): number {
  const index = columns.indexOf(name);
  if (index < 0) throw new Error(`the CSV read plan maps no column "${name}"; columns are ${columns.join(', ')}`);
  return index;
}

function optionalValue(fields: readonly string[], index: number): string | null {
  const value = index < 0 ? undefined : fields[index]?.trim();
  return value === undefined || value.length === 0 ? null : value;
}

/**
 * Turns CSV records into events or rejections naming line and column. `skipFirstRecord` drops
 * the header when reading from the start of the file; the parallel reader's later chunks have none.
 */
export function createCsvRecordHandlers(
  plan: CsvReadPlan,
  sink: Pick<EventSink, 'accept' | 'reject'>,
  skipFirstRecord: boolean,
): CsvRecordHandlers {
  const { columns, mapping, dateFormat } = plan;
  const caseIndex = mappedColumnIndex(columns, mapping.caseId);
  const activityIndex = mappedColumnIndex(columns, mapping.activity);
  const timestampIndex = mappedColumnIndex(columns, mapping.timestamp);
  const channelIndex = columnIndex(columns, mapping.channel);
  const resourceIndex = columnIndex(columns, mapping.resource);
  const segmentIndex = columnIndex(columns, mapping.segment);
  const mappedIndexes = new Set([caseIndex, activityIndex, timestampIndex, channelIndex, resourceIndex, segmentIndex]);
  const attributes = new AttributeColumns(columns, mappedIndexes, plan.decimalMark);
  const expectedFields = columns.length;
  let skipping = skipFirstRecord;

  return {
    onBadLine: (line, reason) => sink.reject({ line, field: null, reason }),
    onRecord: (fields, line) => {
      if (skipping) {
        skipping = false;
        return;
      }
      if (fields.length !== expectedFields) {
        if (fields.length === 1 && fields[0]?.trim() === '') return;
        const missing = fields.length < expectedFields ? (columns[fields.length] ?? null) : null;
        sink.reject({
          line,
          field: missing,
          reason: `expected ${expectedFields} fields, found ${fields.length}`,
        });
        return;
      }
      // The record has a field per column (above) and the mapped columns exist: in range.
      const caseId = fields[caseIndex]!.trim();
      if (caseId.length === 0) return sink.reject({ line, field: mapping.caseId, reason: 'empty case id' });
      const activity = fields[activityIndex]!.trim();
      if (activity.length === 0) return sink.reject({ line, field: mapping.activity, reason: 'empty activity' });
      const timestampText = fields[timestampIndex]!.trim();
      if (timestampText.length === 0) return sink.reject({ line, field: mapping.timestamp, reason: 'empty timestamp' });
      const timestampMicros = dateFormat === null ? null : parseTimestamp(timestampText, dateFormat);
      if (timestampMicros === null) {
        const expected = dateFormat === null ? 'no known date format fits the first rows' : `expected ${dateFormat}`;
        return sink.reject({ line, field: mapping.timestamp, reason: `bad date ${quoteValue(timestampText)} (${expected})` });
      }
      sink.accept({
        line,
        caseId,
        activity,
        timestampMicros,
        channel: optionalValue(fields, channelIndex),
        resource: optionalValue(fields, resourceIndex),
        segment: optionalValue(fields, segmentIndex),
        attributesJson: attributes.toJson(fields),
      });
    },
  };
}
