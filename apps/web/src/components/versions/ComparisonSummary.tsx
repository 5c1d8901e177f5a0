import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JourneyComparison } from '@klantreis/schema';

/** The field names of a step change in words: "score", "text in Pain points". */
function fieldName(field: string, laneNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (field.startsWith('cell:')) return t('compare.fields.cell', { lane: laneNames.get(field.slice('cell:'.length)) ?? '' });
  const known = ['title', 'description', 'score', 'phaseId', 'index', 'beforeFirstContact', 'wait', 'touchpoints', 'kano', 'serviceConcept', 'momentOfTruth'];
  return known.includes(field) ? t(`compare.fields.${field}`) : field;
}

/** What changed between two versions, in lists a person reads: steps added, removed, changed; phases. */
export function ComparisonSummary({ comparison, laneNames, phaseNames }: { comparison: JourneyComparison; laneNames: ReadonlyMap<string, string>; phaseNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const untitled = t('step.untitled');
  if (comparison.unchanged) return <p className="hint" data-testid="compare-unchanged">{t('compare.unchanged')}</p>;
  return (
    <div className="compare-lists">
      <section aria-labelledby="compare-added" data-testid="compare-added">
        <h3 id="compare-added">{t('compare.added', { count: comparison.stepsAdded.length })}</h3>
        <ul>
          {comparison.stepsAdded.map((step) => (
            <li key={step.id} className="compare-added">
              {step.title || untitled}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="compare-removed" data-testid="compare-removed">
        <h3 id="compare-removed">{t('compare.removed', { count: comparison.stepsRemoved.length })}</h3>
        <ul>
          {comparison.stepsRemoved.map((step) => (
            <li key={step.id} className="compare-removed">
              {step.title || untitled}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="compare-changed" data-testid="compare-changed">
        <h3 id="compare-changed">{t('compare.changed', { count: comparison.stepsChanged.length })}</h3>
        <ul>
          {comparison.stepsChanged.map((change) => (
            <li key={change.stepId}>
              <strong>{change.title || untitled}</strong>: {change.fields.map((f) => fieldName(f, laneNames, t)).join(', ')}
              {change.fields.includes('score') && (
                <span className="compare-score">
                  {' '}
                  ({change.before.score ?? '–'} → {change.after.score ?? '–'})
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {(comparison.phasesAdded.length > 0 || comparison.phasesRemoved.length > 0 || comparison.phasesRenamed.length > 0) && (
        <section aria-labelledby="compare-phases">
          <h3 id="compare-phases">{t('compare.phases')}</h3>
          <ul>
            {comparison.phasesAdded.map((phaseId) => (
              <li key={phaseId}>{t('compare.phaseAdded', { name: phaseNames.get(phaseId) || t('phase.unnamed') })}</li>
            ))}
            {comparison.phasesRemoved.map((phaseId) => (
              <li key={phaseId}>{t('compare.phaseRemoved', { name: phaseNames.get(phaseId) || t('phase.unnamed') })}</li>
            ))}
            {comparison.phasesRenamed.map((p) => (
              <li key={p.phaseId}>{t('compare.phaseRenamed', { before: p.before, after: p.after })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
