import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '@klantreis/core/contracts';
import { navigate } from '../../routing/appHistory.ts';
import { matrixPoints, type MatrixPoint, type Quadrant } from './opportunityRows.ts';

// Drawn in a 400 × 400 box: effort 1 … 5 from left to right, impact 1 … 5 from bottom to top,
// the quadrant lines through 3 (where "high" begins, quadrantOf).
const SIZE = 400;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };
const PLOT = SIZE - PAD.left - PAD.right;
const PLOT_H = SIZE - PAD.top - PAD.bottom;
const x = (effort: number) => PAD.left + ((effort - 0.5) / 5) * PLOT;
const y = (impact: number) => PAD.top + PLOT_H - ((impact - 0.5) / 5) * PLOT_H;
const SPLIT_X = x(2.5);
const SPLIT_Y = y(2.5);

const QUADRANTS: { quadrant: Quadrant; x: number; y: number; width: number; height: number; anchor: 'start' | 'end' }[] = [
  { quadrant: 'quick-win', x: PAD.left, y: PAD.top, width: SPLIT_X - PAD.left, height: SPLIT_Y - PAD.top, anchor: 'start' },
  { quadrant: 'big-bet', x: SPLIT_X, y: PAD.top, width: PAD.left + PLOT - SPLIT_X, height: SPLIT_Y - PAD.top, anchor: 'end' },
  { quadrant: 'fill-in', x: PAD.left, y: SPLIT_Y, width: SPLIT_X - PAD.left, height: PAD.top + PLOT_H - SPLIT_Y, anchor: 'start' },
  { quadrant: 'money-pit', x: SPLIT_X, y: SPLIT_Y, width: PAD.left + PLOT - SPLIT_X, height: PAD.top + PLOT_H - SPLIT_Y, anchor: 'end' },
];

/** Points that share a cell sit on a small circle around it, so each stays visible and clickable. */
function position(point: MatrixPoint): { cx: number; cy: number } {
  const cx = x(point.effort);
  const cy = y(point.impact);
  if (point.slots === 1) return { cx, cy };
  const angle = (2 * Math.PI * point.slot) / point.slots - Math.PI / 2;
  const radius = Math.min(24, 8 + point.slots * 2);
  return { cx: cx + radius * Math.cos(angle), cy: cy + radius * Math.sin(angle) };
}

function journeyPath(o: Opportunity): string {
  return `/journeys/${encodeURIComponent(o.journeyId)}`;
}

/**
 * The impact × effort matrix of the judged opportunities, as SVG: quick wins (high impact, low
 * effort), big bets, fill-ins and money pits. Each point is a link: hover or keyboard focus
 * shows its title, a click or Enter opens its journey. The unjudged ones are listed beside it.
 */
export function ImpactEffortMatrix({ opportunities }: { opportunities: readonly Opportunity[] }) {
  const { t } = useTranslation();
  const { points, unjudged } = matrixPoints(opportunities);
  const [active, setActive] = useState<MatrixPoint | null>(null);
  const label = (p: MatrixPoint) =>
    t('portfolio.matrix.point', { title: p.opportunity.title, journey: p.opportunity.journeyTitle, impact: p.impact, effort: p.effort, quadrant: t(`portfolio.matrix.quadrants.${p.quadrant}`) });
  return (
    <div className="matrix">
      <figure className="matrix__figure">
        <figcaption className="matrix__caption">{t('portfolio.matrix.title')}</figcaption>
        <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-label={t('portfolio.matrix.label')} data-testid="impact-effort-matrix">
          {QUADRANTS.map((q) => (
            <g key={q.quadrant} className={`matrix__quadrant matrix__quadrant--${q.quadrant}`}>
              <rect x={q.x} y={q.y} width={q.width} height={q.height} />
              <text x={q.anchor === 'start' ? q.x + 8 : q.x + q.width - 8} y={q.y + 18} textAnchor={q.anchor} className="matrix__quadrant-name">
                {t(`portfolio.matrix.quadrants.${q.quadrant}`)}
              </text>
            </g>
          ))}
          {[1, 2, 3, 4, 5].map((v) => (
            <g key={v} className="matrix__tick">
              <text x={x(v)} y={PAD.top + PLOT_H + 14} textAnchor="middle">
                {v}
              </text>
              <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          <text className="matrix__axis" x={PAD.left + PLOT / 2} y={SIZE - 6} textAnchor="middle">
            {t('portfolio.matrix.effort')} ({t('portfolio.matrix.low')} → {t('portfolio.matrix.high')})
          </text>
          <text className="matrix__axis" transform={`translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
            {t('portfolio.matrix.impact')} ({t('portfolio.matrix.low')} → {t('portfolio.matrix.high')})
          </text>
          {points.map((point) => {
            const { cx, cy } = position(point);
            return (
              <a
                key={`${point.opportunity.journeyId}/${point.opportunity.id}`}
                href={journeyPath(point.opportunity)}
                aria-label={label(point)}
                className="matrix__point"
                data-testid="matrix-point"
                data-quadrant={point.quadrant}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(journeyPath(point.opportunity));
                }}
                onMouseEnter={() => setActive(point)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(point)}
                onBlur={() => setActive(null)}
              >
                <circle cx={cx} cy={cy} r={7} />
              </a>
            );
          })}
          {active && <MatrixTip point={active} />}
        </svg>
        {points.length === 0 && <p className="hint">{t('portfolio.matrix.none')}</p>}
      </figure>
      <section className="matrix__unjudged" aria-labelledby="matrix-unjudged">
        <h3 id="matrix-unjudged">
          {t('portfolio.matrix.unjudged')} <span className="board-column__count">{unjudged.length}</span>
        </h3>
        <p className="hint">{t('portfolio.matrix.unjudgedHint')}</p>
        <ul data-testid="matrix-unjudged">
          {unjudged.map((o) => (
            <li key={`${o.journeyId}/${o.id}`}>
              <a
                href={journeyPath(o)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(journeyPath(o));
                }}
              >
                {o.title}
              </a>{' '}
              <span className="hint">· {o.journeyTitle}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The hovered or focused point's title, in a box kept inside the drawing. */
function MatrixTip({ point }: { point: MatrixPoint }) {
  const { cx, cy } = position(point);
  const text = point.opportunity.title.length > 48 ? `${point.opportunity.title.slice(0, 47)}…` : point.opportunity.title;
  const width = Math.min(SIZE - 8, 16 + text.length * 6.6);
  const left = Math.max(4, Math.min(SIZE - width - 4, cx - width / 2));
  const top = cy > 60 ? cy - 40 : cy + 14;
  return (
    <g className="matrix__tip" data-testid="matrix-tip" aria-hidden="true" pointerEvents="none">
      <rect x={left} y={top} width={width} height={26} rx={5} />
      <text x={left + 8} y={top + 17}>
        {text}
      </text>
    </g>
  );
}
