import type { TFunction } from 'i18next';
import type { Locale } from '@klantreis/evaluation';
import { healthReasonText } from '@klantreis/evaluation/health';
import type { JourneyHealth } from '@klantreis/core/contracts';

/** One shape per level, so the light is read without its colour: circle, triangle, octagon, dashed ring. */
function HealthShape({ level }: { level: JourneyHealth['level'] }) {
  return (
    <svg className={`health-shape health-shape--${level}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      {level === 'healthy' && <circle cx="8" cy="8" r="7" />}
      {level === 'attention' && <path d="M8 1 L15 14.5 L1 14.5 Z" />}
      {level === 'critical' && <path d="M5 1 H11 L15 5 V11 L11 15 H5 L1 11 V5 Z" />}
      {level === 'unknown' && <circle cx="8" cy="8" r="6" strokeDasharray="3 2" />}
    </svg>
  );
}

/**
 * The journey's traffic light: colour, shape and the level in words, with the reasons in a
 * tooltip that opens on hover and on keyboard focus (aria-describedby, so a screen reader reads
 * them too) and closes with Escape (WCAG 1.4.13). No hooks (the caller passes `t` and an id
 * unique in the page): the portfolio draws a thousand of them.
 */
export function HealthLight({ health, title, id, t, locale }: { health: JourneyHealth; title: string; id: string; t: TFunction; locale: Locale }) {
  const level = t(`portfolio.health.${health.level}`);
  const tipId = `health-tip-${id}`;
  return (
    <span className="health" onMouseLeave={(e) => e.currentTarget.classList.remove('health--dismissed')}>
      <button
        type="button"
        className={`health__light health__light--${health.level}`}
        aria-label={t('portfolio.health.label', { title, level })}
        aria-describedby={tipId}
        data-testid="health-light"
        data-level={health.level}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.parentElement?.classList.add('health--dismissed');
        }}
        onBlur={(e) => e.currentTarget.parentElement?.classList.remove('health--dismissed')}
      >
        <HealthShape level={health.level} />
        <span aria-hidden="true">{level}</span>
      </button>
      <span role="tooltip" id={tipId} className="health__tip" data-testid="health-reasons">
        {health.reasons.map((reason, i) => (
          // One reason a line, the weightiest first, each a sentence (read one after another by a screen reader).
          <span key={i} className="health__reason">
            {healthReasonText(reason, locale)}.{i < health.reasons.length - 1 ? ' ' : ''}
          </span>
        ))}
      </span>
    </span>
  );
}
