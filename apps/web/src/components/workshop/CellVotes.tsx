import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaneId, StepId } from '@klantreis/schema';
import { castDot } from '@klantreis/sync';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { useWorkshopStore } from '../../stores/workshopStore.ts';

/** The dots on a pain-point or opportunity cell; while voting, buttons to add or take back one's own. */
export const CellVotes = memo(function CellVotes({ laneId, stepId, total, mine, label }: { laneId: string; stepId: string; total: number; mine: number; label: string }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit('comment');
  const me = useOwnIdentity();
  const voting = useWorkshopStore((s) => s.voting);
  if (!voting && total === 0) return null;
  const vote = (delta: 1 | -1) => edit((doc, origin) => castDot(doc, { key: me.key, name: me.name }, laneId as LaneId, stepId as StepId, delta, origin));
  return (
    <div className="cell-votes" data-testid="cell-votes" data-total={total}>
      {total > 0 && (
        <span className="cell-votes__count" title={t('workshop.dots', { count: total })}>
          <span aria-hidden="true">●</span> {total}
          <span className="visually-hidden"> {t('workshop.dots', { count: total })}</span>
        </span>
      )}
      {voting && (
        <>
          <button type="button" className="icon" onClick={() => vote(1)} title={t('workshop.addDot')} data-testid="add-dot">
            +<span className="visually-hidden">{t('workshop.addDotTo', { cell: label })}</span>
          </button>
          <button type="button" className="icon" onClick={() => vote(-1)} disabled={mine === 0} title={t('workshop.removeDot')}>
            −<span className="visually-hidden">{t('workshop.removeDotFrom', { cell: label })}</span>
          </button>
        </>
      )}
    </div>
  );
});
