import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { activityMatcher, globToRegExp, isGlobPattern, type JourneyDocument, type StepId, type StepRecord } from '@klantreis/schema';
import { updateRecord } from '@klantreis/sync';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { stepNames } from '../evaluation/stepNames.ts';
import { numberText, percentText } from './formatMeasures.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/**
 * Which activities of the imported logs belong to which step. The mapping is a field of each
 * step in the journey document, so it is edited live by everyone, versioned and approved with
 * the map. The matching runs here too (the same function as on the server), so the table
 * follows every keystroke before the figures are computed again.
 */
export function ActivityMapping({ journey, activities }: { journey: JourneyDocument; activities: { activity: string; events: number }[] }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const edit = useJourneyEdit();
  const names = stepNames(journey.steps, t('step.untitled'));
  const mapped = useMemo(() => {
    const matcher = activityMatcher(journey.steps);
    return activities.map((a) => ({ ...a, stepId: matcher.stepFor(a.activity) }));
  }, [journey.steps, activities]);
  const total = mapped.reduce((sum, a) => sum + a.events, 0);
  const covered = mapped.filter((a) => a.stepId !== null).reduce((sum, a) => sum + a.events, 0);
  const share = total === 0 ? null : covered / total;

  const setPatterns = (step: StepRecord, activityPatterns: string[]) => edit((doc, origin) => updateRecord(doc, step.id as StepId, { activityPatterns }, origin));

  /** Choosing a step for an activity writes its exact name there and takes it from every other step. */
  function assign(activity: string, stepId: string) {
    edit((doc, origin) =>
      doc.transact(() => {
        for (const step of journey.steps) {
          const without = step.activityPatterns.filter((p) => p !== activity);
          const next = step.id === stepId ? [...without, activity] : without;
          if (next.length !== step.activityPatterns.length || step.id === stepId) updateRecord(doc, step.id as StepId, { activityPatterns: next }, origin);
        }
      }, origin),
    );
  }

  return (
    <section className="dash-section dash-section--wide" aria-labelledby="mapping-title" data-testid="activity-mapping">
      <h2 id="mapping-title">{t('measurement.mapping.title')}</h2>
      <p className="hint">{t('measurement.mapping.help')}</p>
      <div className="coverage" data-testid="coverage">
        <div className="coverage__bar" aria-hidden="true">
          <div className="coverage__fill" style={{ width: `${(share ?? 0) * 100}%` }} />
        </div>
        <span>{t('measurement.mapping.coverage', { percent: percentText(share, locale, 1) })}</span>
      </div>
      <div className="mapping">
        <ScrollRegion label={t('measurement.mapping.title')} className="mapping__activities">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('measurement.mapping.activity')}</th>
                <th scope="col" className="num">
                  {t('measurement.mapping.events')}
                </th>
                <th scope="col">{t('measurement.mapping.step')}</th>
              </tr>
            </thead>
            <tbody>
              {mapped.map((a) => (
                <tr key={a.activity} data-activity={a.activity}>
                  <th scope="row" className="mapping__name">
                    {a.activity}
                  </th>
                  <td className="num">{numberText(a.events, locale)}</td>
                  <td>
                    <select value={a.stepId ?? ''} aria-label={`${t('measurement.mapping.step')}: ${a.activity}`} onChange={(e) => assign(a.activity, e.target.value)}>
                      <option value="">{t('measurement.mapping.unmapped')}</option>
                      {journey.steps.map((step) => (
                        <option key={step.id} value={step.id}>
                          {names.get(step.id)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <div className="mapping__steps">
          <h3>{t('measurement.mapping.stepsTitle')}</h3>
          <ul className="plain-list">
            {journey.steps.map((step) => (
              <StepPatterns
                key={step.id}
                step={step}
                name={names.get(step.id)!}
                activities={activities}
                onPatterns={(patterns) => setPatterns(step, patterns)}
                onEnd={(journeyEnd) => edit((doc, origin) => updateRecord(doc, step.id as StepId, { journeyEnd }, origin))}
              />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function StepPatterns({
  step,
  name,
  activities,
  onPatterns,
  onEnd,
}: {
  step: StepRecord;
  name: string;
  activities: { activity: string }[];
  onPatterns: (patterns: string[]) => void;
  onEnd: (end: boolean) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const matches = (pattern: string) => {
    if (!isGlobPattern(pattern)) return activities.some((a) => a.activity === pattern) ? 1 : 0;
    const regExp = globToRegExp(pattern);
    return activities.filter((a) => regExp.test(a.activity)).length;
  };
  function add(event: FormEvent) {
    event.preventDefault();
    const pattern = text.trim();
    if (pattern === '' || step.activityPatterns.includes(pattern)) return;
    onPatterns([...step.activityPatterns, pattern]);
    setText('');
  }
  return (
    <li className="step-patterns" data-step-id={step.id}>
      <div className="step-patterns__head">
        <strong>{name}</strong>
        <label className="checkbox">
          <input type="checkbox" checked={step.journeyEnd} onChange={(e) => onEnd(e.target.checked)} title={t('measurement.mapping.endHint')} />
          {t('measurement.mapping.end')}
        </label>
      </div>
      <ul className="chips" aria-label={t('measurement.mapping.patterns', { step: name })}>
        {step.activityPatterns.map((pattern) => (
          <li key={pattern} className="chip">
            <code>{pattern}</code>
            <span className="chip__count">{t('measurement.mapping.matches', { count: matches(pattern) })}</span>
            <button type="button" className="icon" onClick={() => onPatterns(step.activityPatterns.filter((p) => p !== pattern))} aria-label={t('measurement.mapping.removePattern', { pattern, step: name })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="step-patterns__add" onSubmit={add}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('measurement.mapping.patternPlaceholder')} aria-label={t('measurement.mapping.patterns', { step: name })} maxLength={200} />
        <button type="submit">{t('measurement.mapping.addPattern')}</button>
      </form>
    </li>
  );
}
