import { useTranslation } from 'react-i18next';
import type { CurveModel } from './curveGeometry.ts';
import { STEP_WIDTH, type MapColumn } from './mapLayout.ts';

export interface PeakEndSteps {
  peakStepId: string | null;
  troughStepId: string | null;
  endStepId: string | null;
}

/**
 * Labels on the curve for what the peak-end rule looks at: the peak, the trough and the end.
 * Peak and end sit above their point, the trough below, so a step that is both stays readable.
 * They are drawn for the eye; the evaluation panel says the same in words.
 */
export function CurveMarkers({ columns, model, steps }: { columns: MapColumn[]; model: CurveModel; steps: PeakEndSteps }) {
  const { t } = useTranslation();
  const marks: { stepId: string; above: boolean; text: string; kind: string }[] = [];
  const { peakStepId, endStepId } = steps;
  if (peakStepId && peakStepId === endStepId) {
    marks.push({ stepId: peakStepId, above: true, text: `${t('evaluation.markers.peak')} · ${t('evaluation.markers.end')}`, kind: 'peak end' });
  } else {
    if (peakStepId) marks.push({ stepId: peakStepId, above: true, text: t('evaluation.markers.peak'), kind: 'peak' });
    if (endStepId) marks.push({ stepId: endStepId, above: true, text: t('evaluation.markers.end'), kind: 'end' });
  }
  if (steps.troughStepId && steps.troughStepId !== steps.peakStepId) {
    marks.push({ stepId: steps.troughStepId, above: false, text: t('evaluation.markers.trough'), kind: 'trough' });
  }
  return (
    <g className="curve-markers" aria-hidden="true">
      {marks.map((mark) => {
        const column = columns.findIndex((c) => c.kind === 'step' && c.step.id === mark.stepId);
        const point = model.points.find((p) => p.column === column);
        if (!point) return null;
        const width = mark.text.length * 6.4 + 12;
        const height = 18;
        const svgWidth = columns.length * STEP_WIDTH;
        let x = point.x - width / 2;
        let y = mark.above ? point.y - 14 - height : point.y + 14;
        // At +2 or −2 there is no room above or below inside the curve: put the label beside the dot.
        if (y < 1 || y + height > model.height - 1) {
          y = point.y - height / 2;
          x = point.x + 13 + width <= svgWidth ? point.x + 13 : point.x - 13 - width;
        }
        return (
          <g key={`${mark.kind}-${mark.stepId}`} className={`curve-marker curve-marker--${mark.kind.replace(' ', '-')}`} data-marker={mark.kind} data-step-id={mark.stepId}>
            <rect x={x} y={y} width={width} height={height} rx={9} />
            <text x={x + width / 2} y={y + 13} textAnchor="middle">
              {mark.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
