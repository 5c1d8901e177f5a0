import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type JourneyDocument } from '@klantreis/schema';
import { stepNames } from '../evaluation/stepNames.ts';
import { ActionItem } from './ActionItem.tsx';
import { useCreateAction } from './useCreateAction.ts';

/** The improvement actions of the journey, in their order, with how many are at each status. */
export function ActionsList({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const createAction = useCreateAction();
  const untitled = t('step.untitled');
  // One map for all items, kept while the steps stay the same, so unchanged actions skip rendering.
  const names = useMemo(() => stepNames(journey.steps, untitled), [journey.steps, untitled]);
  const counts = ACTION_STATUSES.map((status) => ({ status, count: journey.actions.filter((a) => a.status === status).length })).filter((c) => c.count > 0);
  return (
    <section className="actions" aria-labelledby="actions-title" data-testid="actions-list">
      <div className="panel__head">
        <h2 id="actions-title">{t('actions.title')}</h2>
        <button type="button" onClick={() => createAction({ title: '', stepIds: [] })}>
          + {t('actions.new')}
        </button>
      </div>
      {counts.length > 0 && (
        <p className="status-counts">
          {counts.map(({ status, count }) => (
            <span key={status} className={`status-pill status-pill--${status}`}>
              {t(`actions.count.${status}`, { count })}
            </span>
          ))}
        </p>
      )}
      {journey.actions.length === 0 ? (
        <p className="hint">{t('actions.empty')}</p>
      ) : (
        <ol className="action-list">
          {journey.actions.map((action) => (
            <ActionItem key={action.id} action={action} names={names} />
          ))}
        </ol>
      )}
    </section>
  );
}
