import { useTranslation } from 'react-i18next';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { STEP_WIDTH, stepDisplayTitle, type MapColumn } from './mapLayout.ts';

/** The width of a wait's gap on the curve, in the map's pixels. */
const GAP_WIDTH = 26;

/**
 * Where the customer waits, drawn on the curve as a hatched gap with its duration: between a
 * step and the one before it (a wait before the step), in the step's middle (during), or
 * between it and the next (after). A chip in the step's head says it too; the gap shows it
 * where it happens in the journey, for a room reading the map from a distance.
 */
export function WaitGaps({ columns, stepNumber, height }: { columns: MapColumn[]; stepNumber: Map<string, number>; height: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'nl' ? 'nl' : 'en';
  const gaps = columns.flatMap((column, i) => {
    if (column.kind !== 'step' || !column.step.wait) return [];
    const { moment } = column.step.wait;
    const x = moment === 'before' ? i * STEP_WIDTH : moment === 'after' ? (i + 1) * STEP_WIDTH : i * STEP_WIDTH + STEP_WIDTH / 2;
    return [{ step: column.step, wait: column.step.wait, x }];
  });
  if (gaps.length === 0) return null;
  return (
    <g className="curve__waits">
      <defs>
        <pattern id="wait-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fdf3dc" />
          <line x1="0" y1="0" x2="0" y2="8" className="curve__wait-hatch-line" />
        </pattern>
      </defs>
      {gaps.map(({ step, wait, x }) => {
        const duration = formatWaitMinutes(wait.minutes, locale);
        const title = stepDisplayTitle(step, stepNumber.get(step.id), t('step.untitled'));
        const label = t('step.waitGap', { duration, moment: t(`step.waitMoments.${wait.moment}`), title });
        // Kept inside the curve at its ends: a wait before the first step or after the last.
        const left = Math.max(0, Math.min(x - GAP_WIDTH / 2, columns.length * STEP_WIDTH - GAP_WIDTH));
        return (
          <g key={step.id} data-testid="wait-gap" data-step-id={step.id} data-moment={wait.moment} role="img" aria-label={label}>
            <title>{label}</title>
            <rect x={left} y={4} width={GAP_WIDTH} height={height - 8} rx={4} className="curve__wait-band" />
            <text x={left + GAP_WIDTH / 2} y={height - 10} textAnchor="middle" className="curve__wait-label">
              {duration}
            </text>
          </g>
        );
      })}
    </g>
  );
}
