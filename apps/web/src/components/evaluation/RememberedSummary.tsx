import { useTranslation } from 'react-i18next';
import type { Evaluation } from '@klantreis/evaluation';
import { scoreColor } from '@klantreis/schema';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { scoreText } from './formatNumbers.ts';
import { ModelSwitch } from './ModelSwitch.tsx';

function ScoreTile({ label, score, testId, dashed = false }: { label: string; score: number | null; testId: string; dashed?: boolean }) {
  const locale = useUiLocale();
  return (
    <div className={dashed ? 'score-tile score-tile--to-be' : 'score-tile'} data-testid={testId} data-score={score ?? ''}>
      <span className="score-tile__swatch" style={{ background: scoreColor(score) }} aria-hidden="true" />
      <span className="score-tile__value">{scoreText(score, locale)}</span>
      <span className="score-tile__label">{label}</span>
    </div>
  );
}

/** What the customer will remember against the plain mean, the curve's figures, the model, and the to-be score. */
export function RememberedSummary({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { peakEnd, toBe } = evaluation;
  return (
    <section className="eval-section" aria-labelledby="eval-remembered">
      <h3 id="eval-remembered">{t('evaluation.remembered')}</h3>
      {peakEnd.remembered === null ? (
        <p className="hint">{t('evaluation.noScores')}</p>
      ) : (
        <>
          <div className="score-tiles">
            <ScoreTile label={t('evaluation.remembered')} score={peakEnd.remembered} testId="remembered-score" />
            <ScoreTile label={t('evaluation.mean')} score={peakEnd.mean} testId="mean-score" />
            {toBe && <ScoreTile label={t('evaluation.toBeRemembered')} score={toBe.remembered} testId="to-be-score" dashed />}
          </div>
          <p className="figures">
            {t('evaluation.figures', {
              start: scoreText(peakEnd.start, locale),
              peak: scoreText(peakEnd.peak, locale),
              trough: scoreText(peakEnd.trough, locale),
              end: scoreText(peakEnd.end, locale),
              slope: scoreText(peakEnd.slope, locale),
            })}
          </p>
        </>
      )}
      <ModelSwitch />
      <p className="explanation" data-testid="model-explanation">
        {evaluation.model.explanation}
      </p>
      <div className="to-be-legend">
        <span className="legend-item">
          <span className="legend-line" aria-hidden="true" /> {t('evaluation.asIs')}
        </span>
        <span className="legend-item">
          <span className="legend-line legend-line--to-be" aria-hidden="true" /> {t('evaluation.toBe')}
        </span>
      </div>
      <p className="hint">{toBe ? t('evaluation.toBeTargets', { count: toBe.targetCount }) : t('evaluation.toBeHint')}</p>
    </section>
  );
}
