import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, useWorkshopTimer } from '../../hooks/useWorkshopTimer.ts';

/** Start, pause and reset the workshop's shared countdown; everyone in the map sees it. */
export function WorkshopTimer() {
  const { t } = useTranslation();
  const { timer, remaining, running, start, pause, reset } = useWorkshopTimer();
  const [minutes, setMinutes] = useState(10);
  return (
    <section className="workshop-timer" aria-labelledby="timer-title" data-testid="workshop-timer">
      <h3 id="timer-title">{t('workshop.timer')}</h3>
      <p className="workshop-timer__time" aria-live="off" data-testid="timer-remaining" data-running={running}>
        {formatCountdown(remaining ?? minutes * 60_000)}
      </p>
      <div className="inline-form">
        <label>
          {t('workshop.minutes')}
          <input type="number" name="timer-minutes" min={1} max={180} value={minutes} onChange={(e) => setMinutes(Math.max(1, Math.min(180, Number(e.target.value) || 1)))} />
        </label>
        {running ? (
          <button type="button" onClick={pause}>
            {t('workshop.pause')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => start(minutes * 60_000)}>
            {timer && timer.remainingMs > 0 && timer.remainingMs < timer.durationMs && timer.durationMs === minutes * 60_000 ? t('workshop.resume') : t('workshop.start')}
          </button>
        )}
        <button type="button" onClick={reset} disabled={!timer}>
          {t('workshop.reset')}
        </button>
      </div>
    </section>
  );
}

/** The countdown in the top bar, while a timer is set, so the whole room sees it. */
export function TimerBadge() {
  const { t } = useTranslation();
  const { timer, remaining, running } = useWorkshopTimer();
  if (!timer || remaining === null || timer.durationMs === 0) return null;
  return (
    <span className={`timer-badge${remaining === 0 ? ' timer-badge--done' : ''}`} role="timer" data-testid="timer-badge" data-running={running}>
      {t('workshop.timer')} {remaining === 0 ? t('workshop.timeUp') : formatCountdown(remaining)}
    </span>
  );
}
