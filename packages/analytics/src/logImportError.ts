import type { RejectedLine } from './eventLogTypes.ts';

export interface LogImportErrorDetails {
  file: string;
  line: number | null;
  field: string | null;
  reason: string;
  rejected?: RejectedLine[];
  rejectedCount?: number;
}

/** A failed read or import. The message reads like a compiler error, `file:line: field "x": reason`, so people can jump to it. */
export class LogImportError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly reason: string;
  /** The rejected lines that made the import refuse, capped at the reporting limit. */
  readonly rejected: RejectedLine[];
  readonly rejectedCount: number;

  constructor(details: LogImportErrorDetails) {
    super(describeLocation(details.file, details.line, details.field, details.reason));
    this.name = 'LogImportError';
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.reason = details.reason;
    this.rejected = details.rejected ?? [];
    this.rejectedCount = details.rejectedCount ?? this.rejected.length;
  }
}

export function describeLocation(file: string, line: number | null, field: string | null, reason: string): string {
  const where = line === null ? file : `${file}:${line}`;
  return field === null ? `${where}: ${reason}` : `${where}: field "${field}": ${reason}`;
}

/** Quotes a bad value for a message without pasting a megabyte of it. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
