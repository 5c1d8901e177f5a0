import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORES, scoreColor, type StepId } from '@klantreis/schema';
import { updateRecord } from '@klantreis/sync';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { curveModel, evenColumns } from './curveGeometry.ts';
import { CurveMarkers, type PeakEndSteps } from './CurveMarkers.tsx';
import { CURVE_HEIGHT, STEP_WIDTH, stepDisplayTitle, type MapColumn } from './mapLayout.ts';
import { MeasuredCurve } from './MeasuredCurve.tsx';
import { ToBeCurve } from './ToBeCurve.tsx';
import { WaitGaps } from './WaitGaps.tsx';

const PADDING = 22;

/**
 * The emotion curve across the step columns. Clicking a column sets that step's score at the
 * clicked level; each point is a slider for the keyboard (arrows, Home/End, Delete clears).
 * The to-be curve is drawn dashed beside it, and the peak, trough and end are labelled.
 */
export const EmotionCurve = memo(function EmotionCurve({
  columns,
  stepNumber,
  peakStepId = null,
  troughStepId = null,
  endStepId = null,
}: { columns: MapColumn[]; stepNumber: Map<string, number> } & Partial<PeakEndSteps>) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const selectedStepId = useEditorStore((s) => s.selectedStepId);
  const highlighted = useEditorStore((s) => s.highlightedStepIds);
  const width = columns.length * STEP_WIDTH;
  const scores = columns.map((c) => (c.kind === 'step' ? c.step.score : null));
  const model = curveModel({ scores, columnCenters: evenColumns(columns.length, STEP_WIDTH), height: CURVE_HEIGHT, padding: PADDING });

  const setScore = (stepId: string, score: number | null) => edit((doc, origin) => updateRecord(doc, stepId as StepId, { score }, origin));

  function onColumnClick(event: MouseEvent<SVGRectElement>, stepId: string) {
    const svg = event.currentTarget.ownerSVGElement!;
    const box = svg.getBoundingClientRect();
    // On screen the curve is as tall as the map's zoom makes it; the model counts in its own pixels.
    const y = ((event.clientY - box.top) * CURVE_HEIGHT) / (box.height || CURVE_HEIGHT);
    setScore(stepId, model.scoreAtY(y));
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

  return (
    <svg className="curve" width={width} height={CURVE_HEIGHT} role="group" aria-label={t('editor.curve')} data-testid="emotion-curve">
      {SCORES.map((score) => (
        <line key={score} x1={0} x2={width} y1={model.yForScore(score)} y2={model.yForScore(score)} className={score === 0 ? 'curve__zero' : 'curve__grid'} />
      ))}
      {columns.map((column, i) =>
        column.kind === 'step' ? (
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
      <WaitGaps columns={columns} stepNumber={stepNumber} height={CURVE_HEIGHT} />
      <ToBeCurve columns={columns} height={CURVE_HEIGHT} padding={PADDING} />
      <MeasuredCurve columns={columns} height={CURVE_HEIGHT} padding={PADDING} />
      <path d={model.path} className="curve__line" />
      <CurveMarkers columns={columns} model={model} steps={{ peakStepId, troughStepId, endStepId }} />
      {columns.map((column, i) => {
        if (column.kind !== 'step') return null;
        const { step } = column;
        const x = i * STEP_WIDTH + STEP_WIDTH / 2;
        const title = stepDisplayTitle(step, stepNumber.get(step.id), t('step.untitled'));
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
            {step.score === null ? (
              <circle cx={x} cy={model.yForScore(0)} r={7} className="curve__unscored" />
            ) : (
              <circle cx={x} cy={model.yForScore(step.score)} r={9} fill={scoreColor(step.score)} className="curve__dot" />
            )}
          </g>
        );
      })}
    </svg>
  );
});
