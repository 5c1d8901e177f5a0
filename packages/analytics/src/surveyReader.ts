import { toAxis, type MeasureScale } from '@klantreis/evaluation';
import { nameColumns } from './columnMapping.ts';
import { detectDecimalMark, detectDelimiter, detectEncoding } from './csvDialect.ts';
import { CsvRecordReader } from './csvRecordReader.ts';
import { DEFAULT_MAX_LINE_CHARS, type DecimalMark } from './eventLogTypes.ts';
import { isInvalidTextError, readFileHead, readTextChunks } from './logFileSource.ts';
import { LogImportError, quoteValue } from './logImportError.ts';
import { resolveSurveyMapping } from './surveyColumns.ts';
import { parseScale, scaleFromHeader, scaleFromValues } from './surveyScale.ts';
import type { SurveyMapping, SurveyReadOptions, SurveyReadSummary, SurveySink } from './surveyTypes.ts';
import { detectDateFormat, parseTimestamp, type DateFormat } from './timestampParser.ts';

const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_ROWS = 200;

const POINT_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const COMMA_NUMBER = /^[+-]?\d+(?:,\d+)?$/;

/** A number as a spreadsheet writes it: the file's decimal mark, a sign, a Unicode minus. */
export function parseSurveyNumber(text: string, decimalMark: DecimalMark): number | null {
  const value = text.trim().replace(/^\u2212/, '-');
  if (!(decimalMark === '.' ? POINT_NUMBER : COMMA_NUMBER).test(value)) return null;
  return Number(decimalMark === '.' ? value : value.replace(',', '.'));
}

interface SurveyPlan {
  file: string;
  encoding: string;
  delimiter: string;
  columns: string[];
  mapping: SurveyMapping;
  decimalMark: DecimalMark;
  dateFormat: DateFormat | null;
  scale: MeasureScale | null;
  scaleSource: SurveyReadSummary['detected']['scaleSource'];
}

/** Settles encoding, delimiter, header, mapping, decimal mark, date format and scale from the head of the file. */
async function planSurveyRead(file: string, options: SurveyReadOptions): Promise<SurveyPlan> {
  const head = await readFileHead(file, SAMPLE_BYTES);
  const encoding = options.encoding ?? detectEncoding(head, head.length < SAMPLE_BYTES);
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(head, { stream: true });
  } catch {
    throw new LogImportError({ file, line: null, field: null, reason: `unknown encoding ${quoteValue(encoding)}` });
  }
  if (head.length === SAMPLE_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const delimiter = options.delimiter ?? detectDelimiter(lines);
  const records: string[][] = [];
  let headerLine = 1;
  const reader = new CsvRecordReader(delimiter, DEFAULT_MAX_LINE_CHARS, {
    onRecord: (fields, line) => {
      if (records.length === 0) headerLine = line;
      if (records.length <= SAMPLE_ROWS) records.push(fields);
    },
    onBadLine: () => undefined,
  });
  reader.push(text);
  reader.finish();
  const header = records.shift();
  if (header === undefined) throw new LogImportError({ file, line: null, field: null, reason: 'the file has no header line' });
  const columns = nameColumns(header);
  const resolved = resolveSurveyMapping(columns, options.mapping);
  if (!resolved.ok) throw new LogImportError({ file, line: headerLine, field: null, reason: resolved.reason });
  const mapping = resolved.mapping;
  const scoreIndex = columns.indexOf(mapping.score);
  const timestampIndex = mapping.timestamp === undefined ? -1 : columns.indexOf(mapping.timestamp);
  const decimalMark = options.decimalMark ?? detectDecimalMark(records.map((row) => [row[scoreIndex] ?? '']), new Set());
  const dateFormat =
    options.dateFormat ?? (timestampIndex < 0 ? null : detectDateFormat(records.map((row) => (row[timestampIndex] ?? '').trim()).filter((value) => value !== '')));
  let scale: MeasureScale | null = null;
  let scaleSource: SurveyPlan['scaleSource'] = null;
  if (options.scale !== undefined) {
    scale = options.scale;
    scaleSource = 'option';
  } else if (mapping.scale !== undefined) {
    scaleSource = 'column';
  } else if ((scale = scaleFromHeader(mapping.score)) !== null) {
    scaleSource = 'header';
  } else {
    const values = records.map((row) => parseSurveyNumber(row[scoreIndex] ?? '', decimalMark)).filter((value): value is number => value !== null);
    scale = scaleFromValues(values);
    scaleSource = scale === null ? null : 'values';
  }
  return { file, encoding, delimiter, columns, mapping, decimalMark, dateFormat, scale, scaleSource };
}

/**
 * Reads a CSV of survey answers: every row becomes a response on the −2..+2 axis (toAxis) or a
 * rejection naming its line, its column and why. Nothing is written here; the caller decides.
 */
export async function readSurveyResponses(file: string, options: SurveyReadOptions, sink: SurveySink): Promise<SurveyReadSummary> {
  const plan = await planSurveyRead(file, options);
  const { columns, mapping } = plan;
  const index = (name: string | undefined): number => (name === undefined ? -1 : columns.indexOf(name));
  const scoreIndex = index(mapping.score);
  const caseIndex = index(mapping.caseId);
  const stepIndex = index(mapping.step);
  const scaleIndex = index(mapping.scale);
  const commentIndex = index(mapping.comment);
  const timestampIndex = index(mapping.timestamp);
  const lostIndex = index(mapping.lostMinutes);
  const text = (fields: readonly string[], at: number): string | null => {
    const value = at < 0 ? undefined : fields[at]?.trim();
    return value === undefined || value === '' ? null : value;
  };
  let header = true;
  const records = new CsvRecordReader(plan.delimiter, DEFAULT_MAX_LINE_CHARS, {
    onBadLine: (line, reason) => sink.reject({ line, field: null, reason }),
    onRecord: (fields, line) => {
      if (header) {
        header = false;
        return;
      }
      if (fields.length !== columns.length) {
        if (fields.length === 1 && fields[0]?.trim() === '') return;
        sink.reject({ line, field: fields.length < columns.length ? (columns[fields.length] ?? null) : null, reason: `expected ${columns.length} fields, found ${fields.length}` });
        return;
      }
      let scale = plan.scale;
      if (scaleIndex >= 0) {
        const written = text(fields, scaleIndex);
        scale = written === null ? null : parseScale(written);
        if (scale === null) {
          return sink.reject({ line, field: mapping.scale ?? null, reason: `unknown scale ${quoteValue(written ?? '')}: use csat (1–5), 0-10 or -100..100` });
        }
      }
      if (scale === null) return sink.reject({ line, field: mapping.score, reason: 'no scale: choose csat (1–5), 0-10 or -100..100 for the file' });
      const scoreText = text(fields, scoreIndex);
      if (scoreText === null) return sink.reject({ line, field: mapping.score, reason: 'empty score' });
      const score = parseSurveyNumber(scoreText, plan.decimalMark);
      if (score === null) return sink.reject({ line, field: mapping.score, reason: `${quoteValue(scoreText)} is not a number (decimal mark ${JSON.stringify(plan.decimalMark)})` });
      let axis: number;
      try {
        axis = toAxis(score, scale);
      } catch (error) {
        return sink.reject({ line, field: mapping.score, reason: (error as RangeError).message });
      }
      let stepId: string | null = null;
      const stepReference = text(fields, stepIndex);
      if (stepIndex >= 0 && options.resolveStep !== undefined) {
        const resolution = options.resolveStep(stepReference ?? '');
        if (resolution.kind === 'unknown') return sink.reject({ line, field: mapping.step ?? null, reason: resolution.reason });
        stepId = resolution.kind === 'step' ? resolution.stepId : null;
      }
      let timestampMicros: number | null = null;
      const timestampText = text(fields, timestampIndex);
      if (timestampText !== null) {
        timestampMicros = plan.dateFormat === null ? null : parseTimestamp(timestampText, plan.dateFormat);
        if (timestampMicros === null) {
          const expected = plan.dateFormat === null ? 'no known date format fits the first rows' : `expected ${plan.dateFormat}`;
          return sink.reject({ line, field: mapping.timestamp ?? null, reason: `bad date ${quoteValue(timestampText)} (${expected})` });
        }
      }
      let lostMinutes: number | null = null;
      const lostText = text(fields, lostIndex);
      if (lostText !== null) {
        lostMinutes = parseSurveyNumber(lostText, plan.decimalMark);
        if (lostMinutes === null || lostMinutes < 0) {
          return sink.reject({ line, field: mapping.lostMinutes ?? null, reason: `${quoteValue(lostText)} is not a number of minutes of 0 or more` });
        }
      }
      sink.accept({
        line,
        caseId: text(fields, caseIndex),
        stepId,
        stepReference,
        scale,
        score,
        axis,
        comment: text(fields, commentIndex),
        timestampMicros,
        lostMinutes,
      });
    },
  });
  try {
    for await (const chunk of readTextChunks(file, { encoding: plan.encoding })) records.push(chunk);
  } catch (error) {
    if (isInvalidTextError(error)) {
      throw new LogImportError({ file, line: records.currentLine, field: null, reason: `not valid ${plan.encoding}; name the encoding (for example windows-1252)` });
    }
    throw error;
  }
  records.finish();
  return {
    columns,
    mapping,
    detected: { delimiter: plan.delimiter, decimalMark: plan.decimalMark, encoding: plan.encoding, dateFormat: plan.dateFormat, scale: plan.scale, scaleSource: plan.scaleSource },
  };
}
