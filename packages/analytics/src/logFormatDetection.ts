import type { LogFormat } from './eventLogTypes.ts';
import { isGzip, readFileHead } from './logFileSource.ts';

const EXTENSIONS: readonly [RegExp, LogFormat][] = [
  [/\.(csv|tsv|txt)$/i, 'csv'],
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.(xes|xes\.gz|xml)$/i, 'xes'],
  [/\.parquet$/i, 'parquet'],
];

/**
 * Magic bytes first (Parquet files start with PAR1; gzip means compressed XES unless the name
 * ends in .csv.gz, .tsv.gz or .txt.gz), then the
 * extension, then the first character: `<` is XML and `{` is JSON Lines.
 */
export async function detectLogFormat(file: string): Promise<LogFormat> {
  const head = await readFileHead(file, 512);
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (isGzip(head)) return /\.(csv|tsv|txt)\.gz$/i.test(file) ? 'csv' : 'xes';
  for (const [pattern, format] of EXTENSIONS) if (pattern.test(file)) return format;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) return 'xes';
  if (text.startsWith('{')) return 'jsonl';
  return 'csv';
}
