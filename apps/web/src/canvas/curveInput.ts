import type { TFunction } from 'i18next';
import type { StepMetrics } from '@klantreis/analytics';
import type { StepRecord } from '@klantreis/schema';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { curveMeasured, measuredStepsFromMetrics, type CurveInput, type CurveMeasured, type TextMeasure } from '@klantreis/render/layout';
import type { MapColumn } from './mapLayout.ts';

export interface EditorCurveOptions {
  /** The measured figures per step, or null for a journey without measured data. */
  metrics: ReadonlyMap<string, StepMetrics> | null;
  peakStepId: string | null;
  troughStepId: string | null;
  endStepId: string | null;
  locale: 'nl' | 'en';
  t: TFunction;
  measure: TextMeasure;
}

/**
 * The editor's curve as the layout model's input (`layoutCurve` in @klantreis/render): the same
 * function lays out the exports' curve, so the editor and an export differ only in what they
 * know. A measured step's figures (drop-off, p90 wait against the designed wait) are worded by
 * the layout model's `curveMeasured`, as in every export.
 */
export function editorCurveInput(columns: readonly MapColumn[], options: EditorCurveOptions): CurveInput {
  const { metrics, locale, t } = options;
  return {
    columns: columns.map((column) => {
      if (column.kind !== 'step') return null;
      const { step } = column;
      return {
        id: step.id,
        score: step.score,
        targetScore: step.targetScore,
        wait: step.wait ? { moment: step.wait.moment, text: formatWaitMinutes(step.wait.minutes, locale) } : null,
        measured: measuredStep(step, metrics?.get(step.id), locale),
      };
    }),
    peakStepId: options.peakStepId,
    troughStepId: options.troughStepId,
    endStepId: options.endStepId,
    labels: {
      designed: t('measurement.curve.designed'),
      toBe: t('measurement.curve.toBe'),
      measured: t('measurement.curve.measured'),
      peak: t('evaluation.markers.peak'),
      trough: t('evaluation.markers.trough'),
      end: t('evaluation.markers.end'),
    },
    measure: options.measure,
  };
}

/**
 * A step with activities or survey answers is measured; its figures are the drop-off and p90
 * wait. Worded by the layout model's own functions, so the exports say what the editor says.
 */
function measuredStep(step: StepRecord, metrics: StepMetrics | undefined, locale: 'nl' | 'en'): CurveMeasured | null {
  const measured = metrics && measuredStepsFromMetrics([metrics]).get(step.id);
  return measured ? curveMeasured(step, measured, locale) : null;
}
