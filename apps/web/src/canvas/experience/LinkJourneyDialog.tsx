import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByIndex, type PhaseId, type PhaseRecord } from '@klantreis/schema';
import { useQuery } from '@tanstack/react-query';
import { journeyDocumentQuery, linkableQuery } from '../../queries/journeys.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { linkJourney } from '@klantreis/sync';

// Picks a journey of the map's workspace (that the reader may see) to link to a stage, and optionally the phase of that
// journey where the stage begins (the drill-down opens there).

function usePhasesOf(journeyId: string): PhaseRecord[] {
  const document = useQuery({ ...journeyDocumentQuery(journeyId), enabled: journeyId !== '' }).data;
  return useMemo(() => (document && journeyId ? sortByIndex(document.phases) : []), [document, journeyId]);
}

export function LinkJourneyDialog({ mapId, stage, linkedIds, onClose }: { mapId: string; stage: PhaseRecord | null; linkedIds: ReadonlySet<string>; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // null while they load (and for no stage); a failed read offers none.
  const read = useQuery(linkableQuery(stage ? mapId : ''));
  const journeys = read.isError ? [] : (read.data ?? null);
  const [journeyId, setJourneyId] = useState('');
  const [targetPhaseId, setTargetPhaseId] = useState('');
  const phases = usePhasesOf(journeyId);
  const stageName = stage ? stage.name || t('phase.unnamed') : '';

  useEffect(() => {
    if (stage) {
      setJourneyId('');
      setTargetPhaseId('');
      if (!dialog.current?.open) dialog.current?.showModal();
    } else dialog.current?.close();
  }, [stage]);

  function confirm() {
    if (!stage || !journeyId) return;
    edit((doc, origin) => linkJourney(doc, { phaseId: stage.id as PhaseId, journeyId, targetPhaseId: (targetPhaseId || null) as PhaseId | null }, origin));
    onClose();
  }

  return (
    <dialog ref={dialog} className="dialog link-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="link-dialog">
      <form
        method="dialog"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <h2 id={titleId}>{t('experience.dialogTitle', { stage: stageName })}</h2>
        <label>
          {t('experience.pickJourney')}
          <select value={journeyId} onChange={(e) => setJourneyId(e.target.value)} required name="journey">
            <option value="">{t('experience.pickJourneyPlaceholder')}</option>
            {(journeys ?? []).map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.title}
                {linkedIds.has(journey.id) ? ` (${t('experience.alreadyLinked')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('experience.targetPhase')}
          <select value={targetPhaseId} onChange={(e) => setTargetPhaseId(e.target.value)} disabled={phases.length === 0} name="target-phase">
            <option value="">{t('experience.targetPhaseStart')}</option>
            {phases.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.name || t('phase.unnamed')}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog__actions">
          <button type="button" onClick={onClose}>
            {t('experience.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!journeyId}>
            {t('experience.confirmLink')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
