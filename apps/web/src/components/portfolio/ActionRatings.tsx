import { useTranslation } from 'react-i18next';
import type { ActionRecord } from '@klantreis/schema';

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * An improvement action's impact and effort, 1 … 5 or not judged: what places it in the
 * opportunity portfolio's impact × effort matrix.
 */
export function ActionRatings({ action, onChange }: { action: Pick<ActionRecord, 'impact' | 'effort'>; onChange: (patch: Partial<Pick<ActionRecord, 'impact' | 'effort'>>) => void }) {
  const { t } = useTranslation();
  const select = (field: 'impact' | 'effort') => (
    <label>
      {t(`portfolio.rating.${field}`)}
      <select
        value={action[field] ?? ''}
        onChange={(e) => onChange({ [field]: e.target.value === '' ? null : Number(e.target.value) })}
        name={`action-${field}`}
        data-testid={`action-${field}`}
      >
        <option value="">{t('portfolio.rating.unjudged')}</option>
        {RATINGS.map((rating) => (
          <option key={rating} value={rating}>
            {t(`portfolio.rating.${field}Levels.${rating}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="row">
      {select('impact')}
      {select('effort')}
    </div>
  );
}
