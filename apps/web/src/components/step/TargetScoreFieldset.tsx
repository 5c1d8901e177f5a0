import { useTranslation } from 'react-i18next';
import { SCORES, scoreColor, type Score, type StepRecord } from '@klantreis/schema';

/** The step's target on the to-be curve: where the team designs it to end up. */
export function TargetScoreFieldset({ step, onChange }: { step: StepRecord; onChange: (targetScore: Score | null) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="score-picker score-picker--target" data-testid="target-score">
      <legend>{t('step.targetScore')}</legend>
      <p className="hint">{t('step.targetHint')}</p>
      {SCORES.map((score) => (
        <label key={score} className="score-picker__option score-picker__option--target" style={{ borderColor: scoreColor(score) }}>
          <input type="radio" name={`target-${step.id}`} checked={step.targetScore === score} onChange={() => onChange(score)} />
          <span className="score-picker__swatch score-picker__swatch--target" style={{ borderColor: scoreColor(score) }} aria-hidden="true" />
          {score > 0 ? `+${score}` : score} {t(`scores.${score}`)}
        </label>
      ))}
      <button type="button" onClick={() => onChange(null)} disabled={step.targetScore === null}>
        {t('step.clearTarget')}
      </button>
    </fieldset>
  );
}
