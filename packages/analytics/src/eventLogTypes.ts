import type { DateFormat } from './timestampParser.ts';

export type LogFormat = 'csv' | 'jsonl' | 'xes' | 'parquet';

/** Which source column (CSV, JSONL, Parquet) or attribute key (XES) feeds each normalized field. */
export interface ColumnMapping {
  caseId: string;
  activity: string;
  timestamp: string;
  channel?: string;
  resource?: string;
  segment?: string;
}

export type DecimalMark = '.' | ',';

/** What the reader found out about the file, whether it was detected or given in the options. */
export interface DetectedDialect {
  delimiter: string | null;
  decimalMark: DecimalMark;
  encoding: string;
  dateFormat: DateFormat | null;
}

/**
 * One event as every reader produces it. `timestampMicros` is microseconds since the epoch, in UTC
 * when the source names an offset and as written otherwise. `attributesJson` holds the remaining
 * fields as a JSON object text, or null when there are none.
 */
export interface NormalizedEvent {
  line: number;
  caseId: string;
  activity: string;
  timestampMicros: number;
  channel: string | null;
  resource: string | null;
  segment: string | null;
  attributesJson: string | null;
}

/** A rejected line: `field` is the source column or attribute, or null when the whole line is at fault. */
export interface RejectedLine {
  line: number;
  field: string | null;
  reason: string;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /**
   * Records read so far (events and rejected rows), where the reader knows or can estimate it
   * (CSV: from the bytes read and the average record size of the head), for an events/s rate;
   * bytesRead/totalBytes and the time since the start give the ETA.
   */
  eventsRead?: number;
  /**
   * What the import is doing: `reading` the file (the default when left out), or, once the whole
   * file is read (bytesRead = totalBytes), `indexing`: putting each case's events in order for
   * its journey index (journeyIndex.ts), which on a large log takes about as long as the read and
   * has no share done to report. Reported once, when that stage starts.
   */
  stage?: ImportStage;
}

export type ImportStage = 'reading' | 'indexing';

export interface ReadLogOptions {
  format?: LogFormat;
  /** Column names to use instead of the guessed ones; any field left out is still guessed. */
  mapping?: Partial<ColumnMapping>;
  delimiter?: string;
  decimalMark?: DecimalMark;
  encoding?: string;
  dateFormat?: DateFormat;
  /** Longer lines are rejected without being held in memory. */
  maxLineChars?: number;
  onProgress?: (progress: ReadProgress) => void;
  /**
   * CSV only. `true` (the default) reads, checks and writes the store's part in one COPY, and
   * reads the file again in two passes only when a row fails a check (to name it); `false`
   * always takes the two passes. For tests and benchmarks that compare the two.
   */
  csvOnePass?: boolean;
}

/** What a reader reports once it has looked at the file. */
export interface ReadSummary {
  format: LogFormat;
  columns: string[];
  mapping: ColumnMapping;
  detected: DetectedDialect;
}

/**
 * Where readers deliver their events. Readers call `checkpoint` between input chunks so that the
 * sink can flush to DuckDB and hold the reader back meanwhile; they stop reading once `done` is true.
 */
export interface EventSink {
  accept(event: NormalizedEvent): void;
  reject(rejection: RejectedLine): void;
  checkpoint(): Promise<void>;
  readonly done: boolean;
}

export const DEFAULT_MAX_LINE_CHARS = 1024 * 1024;
