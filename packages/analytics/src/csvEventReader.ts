import { createCsvRecordHandlers } from './csvRecordNormalizer.ts';
import { CsvRecordReader } from './csvRecordReader.ts';
import { csvReadSummary, planCsvRead, type CsvReadPlan } from './csvReadPlan.ts';
import type { EventSink, ReadLogOptions, ReadSummary } from './eventLogTypes.ts';
import { readTextChunks } from './logFileSource.ts';
import { LogImportError } from './logImportError.ts';

export function isInvalidTextError(error: unknown): boolean {
  return error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

export function invalidTextError(plan: CsvReadPlan, line: number): LogImportError {
  return new LogImportError({
    file: plan.file,
    line,
    field: null,
    reason: `not valid ${plan.encoding}; name the encoding (for example windows-1252)`,
  });
}

/**
 * Reads a delimited text log into `sink`, one chunk after another. The header names the columns;
 * every data line becomes an event or a rejection naming its line and column.
 */
export async function readCsvEvents(file: string, options: ReadLogOptions, sink: EventSink): Promise<ReadSummary> {
  const plan = await planCsvRead(file, options);
  const records = new CsvRecordReader(plan.delimiter, plan.maxLineChars, createCsvRecordHandlers(plan, sink, true));
  try {
    for await (const text of readTextChunks(file, { encoding: plan.encoding, onProgress: options.onProgress })) {
      records.push(text);
      await sink.checkpoint();
      if (sink.done) break;
    }
  } catch (error) {
    if (isInvalidTextError(error)) throw invalidTextError(plan, records.currentLine);
    throw error;
  }
  if (!sink.done) records.finish();
  return csvReadSummary(plan);
}
