import type { MeasureScale } from '@klantreis/evaluation';
import type { DecimalMark, RejectedLine } from './eventLogTypes.ts';
import type { DateFormat } from './timestampParser.ts';

/** Which column of a survey export feeds each field; only the score is required. */
export interface SurveyMapping {
  score: string;
  /** The case or customer id, to relate an answer to the journey a customer went through. */
  caseId?: string;
  /** A step id, a step title or a touchpoint name; `journey` (or `klantreis`) for the journey as a whole. */
  step?: string;
  /** The scale per row (csat, 0-10, -100..100); otherwise one scale for the file. */
  scale?: string;
  comment?: string;
  timestamp?: string;
  /** Minutes the respondent says the journey cost them (IT experience management's "lost time"). */
  lostMinutes?: string;
}

/** What a step reference in a survey row points at: a step, the journey as a whole, or nothing known. */
export type StepResolution = { kind: 'step'; stepId: string } | { kind: 'journey' } | { kind: 'unknown'; reason: string };
export type StepResolver = (reference: string) => StepResolution;

export interface SurveyResponse {
  line: number;
  caseId: string | null;
  /** Null for an answer about the journey as a whole. */
  stepId: string | null;
  /** The step reference as the file wrote it. */
  stepReference: string | null;
  scale: MeasureScale;
  /** The score on its own scale. */
  score: number;
  /** The score on the −2..+2 satisfaction axis (toAxis). */
  axis: number;
  comment: string | null;
  timestampMicros: number | null;
  lostMinutes: number | null;
}

export interface SurveyReadOptions {
  mapping?: Partial<SurveyMapping>;
  /** The scale of every score when the file has no scale column; detected from the column name or values otherwise. */
  scale?: MeasureScale;
  delimiter?: string;
  decimalMark?: DecimalMark;
  encoding?: string;
  dateFormat?: DateFormat;
  /** Resolves each row's step reference; without one, every row is about the journey as a whole. */
  resolveStep?: StepResolver;
}

export interface DetectedSurveyDialect {
  delimiter: string;
  decimalMark: DecimalMark;
  encoding: string;
  dateFormat: DateFormat | null;
  /** The file-wide scale, or null when a scale column gives it per row. */
  scale: MeasureScale | null;
  /** How the file-wide scale was settled. */
  scaleSource: 'option' | 'column' | 'header' | 'values' | null;
}

export interface SurveyReadSummary {
  columns: string[];
  mapping: SurveyMapping;
  detected: DetectedSurveyDialect;
}

export interface SurveySink {
  accept(response: SurveyResponse): void;
  reject(rejection: RejectedLine): void;
}
