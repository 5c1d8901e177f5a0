import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import { createId, type IndicatorId, type StepId } from './ids.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';

// An experience indicator of the journey's XLA (experience level agreement): what is measured,
// the target it must meet per period, and its kind. X (sentiment) indicators are what makes an
// XLA more than an SLA: an agreement needs at least one. They live in the journey document, so
// they are versioned, compared and approved together with the map they measure.

/** X sentiment (what customers feel), O operational (an SLA, a waiting time), T technical. */
export const INDICATOR_KINDS = ['X', 'O', 'T'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_PERIODS = ['week', 'month', 'quarter'] as const;
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number];

export const INDICATOR_DIRECTIONS = ['at-least', 'at-most'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/**
 * The unit a metric's value and target are written in: `axis` the −2..+2 satisfaction axis,
 * `points` the happiness score −100..+100, `percent` 0–100, `minutes`, `count`.
 */
export const INDICATOR_UNITS = ['axis', 'points', 'percent', 'minutes', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/**
 * The computed measures an indicator can follow. `step` says whether it needs a step (`required`),
 * may narrow to one (`optional`) or concerns the journey as a whole (`none`).
 */
export const INDICATOR_METRICS = {
  'journey-score': { unit: 'axis', step: 'none', kind: 'X' },
  'step-score': { unit: 'axis', step: 'required', kind: 'X' },
  happiness: { unit: 'points', step: 'optional', kind: 'X' },
  'lost-time': { unit: 'minutes', step: 'optional', kind: 'X' },
  'completion-rate': { unit: 'percent', step: 'none', kind: 'O' },
  'drop-off-rate': { unit: 'percent', step: 'required', kind: 'O' },
  'wait-p90': { unit: 'minutes', step: 'required', kind: 'O' },
  'duration-median': { unit: 'minutes', step: 'none', kind: 'O' },
  'duration-p90': { unit: 'minutes', step: 'none', kind: 'O' },
  'repeat-contact-rate': { unit: 'percent', step: 'optional', kind: 'O' },
  'contacts-per-case': { unit: 'count', step: 'none', kind: 'O' },
} as const satisfies Record<string, { unit: IndicatorUnit; step: 'none' | 'optional' | 'required'; kind: IndicatorKind }>;
export type IndicatorMetric = keyof typeof INDICATOR_METRICS;
export const INDICATOR_METRIC_IDS = Object.keys(INDICATOR_METRICS) as [IndicatorMetric, ...IndicatorMetric[]];

export const indicatorRecordSchema = z.strictObject({
  id: typedIdSchema('indicator'),
  index: z.string().min(1),
  name: z.string().max(MAX_TITLE_LENGTH),
  kind: z.enum(INDICATOR_KINDS),
  metric: z.enum(INDICATOR_METRIC_IDS),
  /**
   * The step a step metric concerns. A step deleted later leaves it null on read, and the
   * indicator then has no value until someone picks another step.
   */
  stepId: typedIdSchema('step').nullable(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** In the metric's unit (see INDICATOR_METRICS): 80 for 80 %, 30 for 30 minutes. */
  target: z.number().min(-1_000_000_000).max(1_000_000_000),
  /** How close to the target still counts as at risk rather than met, in the metric's unit. */
  margin: z.number().min(0).max(1_000_000_000),
  period: z.enum(INDICATOR_PERIODS),
});
export type IndicatorRecord = Omit<z.infer<typeof indicatorRecordSchema>, 'stepId'> & { id: IndicatorId; stepId: StepId | null };

export const INDICATOR_TEXT_FIELDS = ['name'] as const;

export function createIndicatorRecord(fields: Partial<IndicatorRecord> & { index: string }): IndicatorRecord {
  return {
    id: createId('indicator'),
    name: '',
    kind: 'X',
    metric: 'journey-score',
    stepId: null,
    direction: 'at-least',
    target: 1,
    margin: 0.25,
    period: 'month',
    ...fields,
  };
}
