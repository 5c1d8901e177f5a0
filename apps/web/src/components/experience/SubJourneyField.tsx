import { useTranslation } from 'react-i18next';
import type { StepRecord } from '@klantreis/schema';
import { updateRecord } from '@klantreis/sync';
import { useQuery } from '@tanstack/react-query';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useCan } from '../../hooks/useJourneyAccess.ts';
import { linkableQuery } from '../../queries/journeys.ts';
import { useParams } from '@tanstack/react-router';
import { drillDown } from './drillDown.ts';
import '../../canvas/experience/experience.css';

// A step may be detailed by a journey of its own (a micro journey one level down): the step
// panel links to it, and editors choose or clear it from the workspace's journeys they can see.

/** In the editor's step panel: the open journey is the route's. */
export function SubJourneyField({ step }: { step: StepRecord }) {
  const { t } = useTranslation();
  const journeyId = useParams({ strict: false }).journeyId ?? '';
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  const journeys = useQuery(linkableQuery(journeyId)).data;
  const others = journeys ?? [];
  const linked = step.subJourneyId ? others.find((journey) => journey.id === step.subJourneyId) : undefined;
  return (
    <div className="sub-journey" data-testid="sub-journey">
      {canEdit && (
        <label>
          {t('experience.subJourney')}
          <select
            value={step.subJourneyId ?? ''}
            aria-describedby={`sub-journey-hint-${step.id}`}
            onChange={(e) => edit((doc, origin) => updateRecord(doc, step.id, { subJourneyId: e.target.value === '' ? null : e.target.value }, origin))}
          >
            <option value="">{t('experience.subJourneyNone')}</option>
            {step.subJourneyId && !linked && <option value={step.subJourneyId}>{t('experience.subJourneyMissing')}</option>}
            {others.map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="hint" id={`sub-journey-hint-${step.id}`}>
        {t('experience.subJourneyHint')}
      </p>
      {step.subJourneyId &&
        (linked ? (
          <a
            className="button sub-journey__open"
            href={`/journeys/${encodeURIComponent(linked.id)}`}
            onClick={(event) => {
              event.preventDefault();
              drillDown(journeyId, linked.id, null);
            }}
          >
            {t('experience.openSubJourney', { title: linked.title })}
          </a>
        ) : (
          journeys && <p className="hint">{t('experience.subJourneyMissing')}</p>
        ))}
    </div>
  );
}
