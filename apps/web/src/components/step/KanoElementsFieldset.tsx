import { useTranslation } from 'react-i18next';
import { kanoBetter, kanoWorse } from '@klantreis/evaluation';
import { KANO_CATEGORIES, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, createKanoElement, type KanoElement, type StepRecord } from '@klantreis/schema';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { decimalText } from '../evaluation/formatNumbers.ts';

/**
 * The step's Kano elements: each one's text, its category, and the question pair of the
 * questionnaire; once answers are imported, how many there are and the element's Better/Worse.
 */
export function KanoElementsFieldset({ step, onChange }: { step: StepRecord; onChange: (kano: KanoElement[]) => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const updateKano = (id: string, patch: Partial<KanoElement>) => onChange(step.kano.map((k) => (k.id === id ? { ...k, ...patch } : k)));
  return (
    <fieldset>
      <legend>{t('step.kano')}</legend>
      {step.kano.map((element, i) => {
        const responses = element.responses;
        const total = responses ? responses.A + responses.O + responses.M + responses.I + responses.R + responses.Q : 0;
        return (
          <div key={element.id} className="subform" data-testid="kano-element" data-element-id={element.id}>
            <label>
              {t('step.kanoText')}
              <input value={element.text} maxLength={MAX_TITLE_LENGTH} onChange={(e) => updateKano(element.id, { text: e.target.value })} />
            </label>
            <label>
              {t('step.kanoCategory')}
              <select value={element.category ?? ''} onChange={(e) => updateKano(element.id, { category: e.target.value === '' ? null : (e.target.value as KanoElement['category']) })}>
                <option value="">{t('step.kanoNone')}</option>
                {KANO_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`kano.${category}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('step.kanoFunctional')}
              <input
                value={element.functionalQuestion}
                maxLength={MAX_TEXT_LENGTH}
                placeholder={t('step.kanoFunctionalPlaceholder')}
                onChange={(e) => updateKano(element.id, { functionalQuestion: e.target.value })}
                name="kano-functional"
              />
            </label>
            <label>
              {t('step.kanoDysfunctional')}
              <input
                value={element.dysfunctionalQuestion}
                maxLength={MAX_TEXT_LENGTH}
                placeholder={t('step.kanoDysfunctionalPlaceholder')}
                onChange={(e) => updateKano(element.id, { dysfunctionalQuestion: e.target.value })}
                name="kano-dysfunctional"
              />
            </label>
            {responses && (
              <p className="kano-responses" data-testid="kano-responses">
                {t('step.kanoResponses', { count: total, better: decimalText(kanoBetter(responses), locale), worse: decimalText(kanoWorse(responses), locale) })}
              </p>
            )}
            <div className="row row--between">
              <span className="hint small-print">{t('step.kanoId', { id: element.id })}</span>
              <button type="button" className="link danger" onClick={() => onChange(step.kano.filter((k) => k.id !== element.id))} aria-label={`${t('step.remove')}: ${t('step.kanoText')} ${i + 1}`}>
                {t('step.remove')}
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...step.kano, createKanoElement()])}>
        + {t('step.addKano')}
      </button>
    </fieldset>
  );
}
