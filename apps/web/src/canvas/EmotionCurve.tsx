import { memo, useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StepMetrics } from '@klantreis/analytics';
import { formatWaitMinutes } from '@klantreis/evaluation';
import type { StepRecord, StepId } from '@klantreis/schema';
import { layoutCurve, type CurveItem, type CurveLayer, type TextMeasure } from '@klantreis/render/layout';
import { updateRecord } from '@klantreis/sync';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useMeasurementContext } from '../hooks/useMeasurement.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { axisText, durationText, percentText } from '../components/measurement/formatMeasures.ts';
import { designGaps } from '../components/measurement/designGaps.ts';
import { canvasMeasure } from '../present/LayoutSvg.tsx';
import { shapeElement } from '../present/shapeElement.tsx';
import { editorCurveInput } from './curveInput.ts';
import { CURVE_HEIGHT, STEP_WIDTH, stepDisplayTitle, type MapColumn } from './mapLayout.ts';

/** The steps the peak-end rule looks at, marked on the curve. */
export interface PeakEndSteps {
  peakStepId: string | null;
  troughStepId: string | null;
  endStepId: string | null;
}

/**
 * The emotion curve across the step columns. What it draws (grid, waits, the to-be, measured
 * and designed curves, markers, legend) is the layout model's `layoutCurve`, the same shapes
 * the SVG, PNG and PDF exports draw; the editor names them for a screen reader and puts its
 * interaction around them: clicking a column sets that step's score at the clicked level, and
 * each point is a slider for the keyboard (arrows, Home/End, Delete clears).
 */
export const EmotionCurve = memo(function EmotionCurve({
  columns,
  stepNumber,
  peakStepId = null,
  troughStepId = null,
  endStepId = null,
  firstFrame = null,
}: {
  columns: MapColumn[];
  stepNumber: Map<string, number>;
  /**
   * The columns of the map's first frame (JourneyMap: those in view, until it is painted): only
   * their points, columns and marks are drawn then, with the line and the grid across the whole
   * map; null draws every step's (a 200-step curve is some 1,200 elements, more than the rest of
   * the map's first frame together).
   */
  firstFrame?: { start: number; end: number } | null;
} & Partial<PeakEndSteps>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'nl' ? 'nl' : 'en';
  const edit = useJourneyEdit();
  const selectedStepId = useEditorStore((s) => s.selectedStepId);
  const highlighted = useEditorStore((s) => s.highlightedStepIds);
  const measurement = useMeasurementContext();
  const metrics = useMemo(() => (measurement ? new Map<string, StepMetrics>(measurement.metrics.steps.map((s) => [s.stepId, s])) : null), [measurement]);
  const measure = useCurveMeasure();
  const curve = useMemo(
    () => layoutCurve(editorCurveInput(columns, { metrics, peakStepId, troughStepId, endStepId, locale, t, measure }), { x: 0, y: 0, columnWidth: STEP_WIDTH, height: CURVE_HEIGHT }),
    [columns, metrics, peakStepId, troughStepId, endStepId, locale, t, measure],
  );
  const width = curve.width;
  const stepOf = useMemo(() => new Map<string, StepRecord>(columns.flatMap((c) => (c.kind === 'step' ? [[c.step.id, c.step] as const] : []))), [columns]);
  const columnOf = useMemo(() => new Map<string, number>(columns.flatMap((c, i) => (c.kind === 'step' ? [[c.step.id, i] as const] : []))), [columns]);
  const drawnNow = (i: number) => firstFrame === null || (i >= firstFrame.start && i < firstFrame.end);
  const itemNow = (item: CurveItem) => firstFrame === null || !item.stepId || drawnNow(columnOf.get(item.stepId) ?? -1);
  const titleOf = (step: StepRecord) => stepDisplayTitle(step, stepNumber.get(step.id), t('step.untitled'));

  const setScore = (stepId: string, score: number | null) => edit((doc, origin) => updateRecord(doc, stepId as StepId, { score }, origin));

  function onColumnClick(event: MouseEvent<SVGRectElement>, stepId: string) {
    const svg = event.currentTarget.ownerSVGElement!;
    const box = svg.getBoundingClientRect();
    // On screen the curve is as tall as the map's zoom makes it; the model counts in its own pixels.
    const y = ((event.clientY - box.top) * CURVE_HEIGHT) / (box.height || CURVE_HEIGHT);
    setScore(stepId, curve.scoreAtY(y));
  }

  function onPointKey(event: KeyboardEvent<SVGGElement>, stepId: string, score: number | null) {
    const next: Record<string, number | null> = {
      ArrowUp: Math.min(2, (score ?? 0) + (score === null ? 0 : 1)),
      ArrowRight: Math.min(2, (score ?? 0) + (score === null ? 0 : 1)),
      ArrowDown: Math.max(-2, (score ?? 0) - (score === null ? 0 : 1)),
      ArrowLeft: Math.max(-2, (score ?? 0) - (score === null ? 0 : 1)),
      Home: -2,
      End: 2,
      Delete: null,
      Backspace: null,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    setScore(stepId, next[event.key]!);
  }

  /** One item of the model, with what the editor says of it and the attributes tests find it by. */
  function itemElement(item: CurveItem, key: number): ReactNode {
    const shapes = item.shapes.map(shapeElement);
    const step = item.stepId ? stepOf.get(item.stepId) : undefined;
    switch (item.part) {
      case 'wait': {
        if (!step?.wait) return null;
        const label = t('step.waitGap', { duration: formatWaitMinutes(step.wait.minutes, locale), moment: t(`step.waitMoments.${step.wait.moment}`), title: titleOf(step) });
        return (
          <g key={key} data-testid="wait-gap" data-step-id={step.id} data-moment={item.moment} role="img" aria-label={label}>
            <title>{label}</title>
            {shapes}
          </g>
        );
      }
      case 'target':
        return (
          <g key={key} data-step-id={item.stepId} data-target={item.value ?? ''}>
            {shapes}
          </g>
        );
      case 'measured-step': {
        const stepMetrics = item.stepId ? metrics?.get(item.stepId) : undefined;
        if (!step || !stepMetrics) return null;
        const parts = measuredWords(t, locale, titleOf(step), step, stepMetrics);
        return (
          <g key={key} role="img" aria-label={parts.join('; ')} data-step-id={step.id} data-measured={item.value ?? ''} className="measured-curve__step">
            <title>{parts.join('\n')}</title>
            {shapes}
          </g>
        );
      }
      case 'marker':
        return (
          <g key={key} className={`curve-marker curve-marker--${item.marker!.replace(' ', '-')}`} data-marker={item.marker} data-step-id={item.stepId}>
            {shapes}
          </g>
        );
      case 'legend':
        return (
          <g key={key} className="curve-legend" data-testid="curve-legend">
            <title>{t('measurement.curve.legend')}</title>
            {shapes}
          </g>
        );
      case 'point':
      case 'unscored':
        return (
          <g key={key} className="curve__model-dot" data-step-id={item.stepId}>
            {shapes}
          </g>
        );
      default:
        return <g key={key}>{shapes}</g>;
    }
  }

  // The model's items in its drawing order, one group per layer, named as the editor named them.
  const layers: { layer: CurveLayer; items: CurveItem[] }[] = [];
  for (const item of curve.items) {
    if (!itemNow(item)) continue;
    if (layers.at(-1)?.layer === item.layer) layers.at(-1)!.items.push(item);
    else layers.push({ layer: item.layer, items: [item] });
  }
  const layerProps: Record<CurveLayer, Record<string, string>> = {
    grid: { 'aria-hidden': 'true' },
    waits: { className: 'curve__waits' },
    'to-be': { className: 'to-be-curve', 'data-testid': 'to-be-curve', 'aria-hidden': 'true' },
    measured: { className: 'measured-curve', 'data-testid': 'measured-curve' },
    designed: { 'aria-hidden': 'true' },
    markers: { className: 'curve-markers', 'aria-hidden': 'true' },
    points: { 'aria-hidden': 'true' },
    legend: {},
  };

  return (
    <svg className="curve" width={width} height={CURVE_HEIGHT} role="group" aria-label={t('editor.curve')} data-testid="emotion-curve" fontFamily="Inter, sans-serif">
      {columns.map((column, i) =>
        column.kind === 'step' && drawnNow(i) ? (
          <rect
            key={column.step.id}
            x={i * STEP_WIDTH}
            y={0}
            width={STEP_WIDTH}
            height={CURVE_HEIGHT}
            className={`curve__column${column.step.id === selectedStepId ? ' curve__column--selected' : ''}${highlighted.includes(column.step.id) ? ' curve__column--highlighted' : ''}`}
            onClick={(e) => onColumnClick(e, column.step.id)}
            data-step-id={column.step.id}
          />
        ) : null,
      )}
      <g className="curve__drawn">
        {layers.map(({ layer, items }) => (
          <g key={layer} {...layerProps[layer]}>
            {items.map(itemElement)}
          </g>
        ))}
      </g>
      {columns.map((column, i) => {
        if (column.kind !== 'step' || !drawnNow(i)) return null;
        const { step } = column;
        const title = titleOf(step);
        const valueText = step.score === null ? t('step.noScore') : `${step.score > 0 ? '+' : ''}${step.score} ${t(`scores.${step.score}`)}`;
        return (
          <g
            key={step.id}
            role="slider"
            tabIndex={0}
            aria-label={t('step.score') + ': ' + title}
            aria-valuemin={-2}
            aria-valuemax={2}
            aria-valuenow={step.score ?? 0}
            aria-valuetext={valueText}
            className="curve__point"
            data-step-id={step.id}
            data-score={step.score ?? ''}
            onKeyDown={(e) => onPointKey(e, step.id, step.score)}
          >
            <title>{t('step.scoreOf', { title, score: valueText })}</title>
            {/* The dot is the model's; this ring over it takes the pointer and shows the focus. */}
            <circle cx={curve.columnCentre(i)} cy={curve.yForScore(step.score ?? 0)} r={10.5} className="curve__hit" />
          </g>
        );
      })}
    </svg>
  );
});

/** What a measured step says in words: its score and answers, drop-off, p90 wait and gaps to the design. */
function measuredWords(t: TFunction, locale: 'nl' | 'en', name: string, step: StepRecord, metrics: StepMetrics): string[] {
  const score = metrics.survey.axisMean;
  const gaps = designGaps(step, metrics);
  return [
    score === null ? null : t('measurement.curve.point', { step: name, score: axisText(score, locale), count: metrics.survey.n }),
    metrics.activities.length === 0 ? null : t('measurement.curve.dropOff', { share: percentText(metrics.dropOffShare, locale) }),
    metrics.wait.measured.p90Seconds === null ? null : t('measurement.curve.wait', { wait: durationText(metrics.wait.measured.p90Seconds, locale) }),
    gaps.scoreGapMarked ? t('measurement.curve.gapScore', { step: name, measured: axisText(score, locale), designed: axisText(gaps.designedScore, locale) }) : null,
    gaps.waitExceeded ? t('measurement.curve.gapWait', { step: name, measured: durationText(metrics.wait.measured.p90Seconds, locale), designed: durationText((gaps.designedMinutes ?? 0) * 60, locale) }) : null,
  ].filter((part): part is string => part !== null);
}

/**
 * The text measure of the curve's words (markers, legend, waits, figures), in the exports' font:
 * once Inter has loaded, a new measure, so the first frame's estimated widths do not stay. The
 * curve's words are all bold, so only Inter 700 is fetched (344 KB, after the map is shown).
 */
function useCurveMeasure(): TextMeasure {
  const [fontReady, setFontReady] = useState(() => typeof document !== 'undefined' && document.fonts?.check(CURVE_FONT) === true);
  useEffect(() => {
    if (fontReady || typeof document === 'undefined' || !document.fonts) return;
    let live = true;
    void document.fonts.load(CURVE_FONT).then(() => live && setFontReady(true));
    return () => {
      live = false;
    };
  }, [fontReady]);
  return useMemo(() => (fontReady ? canvasMeasure() : estimateMeasure), [fontReady]);
}

const CURVE_FONT = '700 11px Inter';

/** Until the font is there: Inter's average width, about 0.6 em a bold character. */
const estimateMeasure: TextMeasure = { width: (text, size, weight) => text.length * size * (weight === 'bold' ? 0.6 : 0.56) };
