import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureRecord, JourneyDocument, LaneId, PhaseId, StepId } from '@klantreis/schema';
import { deleteCapture, placeCaptureAsStep, placeCaptureInCell } from '@klantreis/sync';
import { stepDisplayTitle } from '../../canvas/mapLayout.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';

/** One inbox item with what the facilitator can do with it: place it on the map, or drop it. */
function InboxItem({ capture, journey }: { capture: CaptureRecord; journey: JourneyDocument }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const painPoints = journey.lanes.find((l) => l.kind === 'pain-points');
  const [phaseId, setPhaseId] = useState<string>(journey.phases[journey.phases.length - 1]?.id ?? '');
  const [stepId, setStepId] = useState<string>(journey.steps[0]?.id ?? '');
  const canPlacePain = painPoints !== undefined && journey.steps.length > 0;
  return (
    <li className="inbox-item" data-testid="inbox-item" data-kind={capture.kind}>
      <p className="inbox-item__text">
        <span className={`badge badge--capture-${capture.kind}`}>{t(`workshop.kinds.${capture.kind}`)}</span> {capture.text}
      </p>
      <p className="hint">{capture.author}</p>
      <div className="inline-form">
        {capture.kind === 'step' ? (
          <>
            <label>
              {t('workshop.inPhase')}
              <select name="place-phase" value={phaseId} onChange={(e) => setPhaseId(e.target.value)}>
                {journey.phases.map((phase) => (
                  <option key={phase.id} value={phase.id}>
                    {phase.name || t('phase.unnamed')}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!phaseId} onClick={() => edit((doc, origin) => placeCaptureAsStep(doc, capture.id, phaseId as PhaseId, origin))}>
              {t('workshop.placeAsStep')}
            </button>
          </>
        ) : (
          canPlacePain && (
            <>
              <label>
                {t('workshop.atStep')}
                <select name="place-step" value={stepId} onChange={(e) => setStepId(e.target.value)}>
                  {journey.steps.map((step, i) => (
                    <option key={step.id} value={step.id}>
                      {i + 1}. {stepDisplayTitle(step, i + 1, t('step.untitled'))}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => edit((doc, origin) => placeCaptureInCell(doc, capture.id, painPoints.id as LaneId, stepId as StepId, origin))}>
                {t('workshop.placeAsPainPoint')}
              </button>
            </>
          )
        )}
        <button type="button" className="danger" onClick={() => edit((doc, origin) => deleteCapture(doc, capture.id, origin))}>
          {t('workshop.discard')}
        </button>
      </div>
    </li>
  );
}

/** The inbox of quick captures, oldest first. */
export function CaptureInbox({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="inbox-title">
      <h3 id="inbox-title">{t('workshop.inbox', { count: journey.captures.length })}</h3>
      {journey.captures.length === 0 ? (
        <p className="hint">{t('workshop.inboxEmpty')}</p>
      ) : (
        <ol className="inbox">
          {journey.captures.map((capture) => (
            <InboxItem key={capture.id} capture={capture} journey={journey} />
          ))}
        </ol>
      )}
    </section>
  );
}
