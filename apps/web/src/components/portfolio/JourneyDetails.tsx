import { useContext, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MAX_JOURNEY_TAGS, MAX_TEXT_LENGTH, type JourneyRecord } from '@klantreis/schema';
import { updateJourney } from '@klantreis/sync';
import { JourneyPeopleContext, useCan } from '../../hooks/useJourneyAccess.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { KindSelect, OwnerSelect, StatusSelect, TagsInput } from './PortfolioEditors.tsx';
import './portfolio.css';

/**
 * "Journey details" in the editor's More menu: the description and the journey's place in the
 * portfolio (type, status, owner, tags), edited live in the document like the title, so the
 * workshop sees them change and undo takes them back. The owner is one of the people with a
 * role on the journey. The dialog is put in <body> (a portal): inside the closed menu it would
 * not be drawn.
 */
export function JourneyDetails({ journey }: { journey: JourneyRecord }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="open-journey-details">
        {t('portfolio.details.open')}
      </button>
      {createPortal(<JourneyDetailsDialog journey={journey} open={open} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function JourneyDetailsDialog({ journey, open, onClose }: { journey: JourneyRecord; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  const people = useContext(JourneyPeopleContext);
  const ids = { title: useId(), tags: useId(), tagsHint: useId() };
  const update = (patch: Partial<JourneyRecord>) => edit((doc, origin) => updateJourney(doc, patch, origin));
  const ownerName = people.find((p) => p.userId === journey.ownerId)?.name ?? journey.owner;

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="journey-details">
      <div className="form">
        <h2 id={ids.title}>{t('portfolio.details.title')}</h2>
        {!canEdit && <p className="hint">{t('portfolio.details.readOnly')}</p>}
        <fieldset className="journey-details__fields" disabled={!canEdit}>
          <legend className="visually-hidden">{journey.title}</legend>
          <label>
            {t('portfolio.details.description')}
            <textarea rows={4} value={journey.description} maxLength={MAX_TEXT_LENGTH} onChange={(e) => update({ description: e.target.value })} />
          </label>
          <div className="row">
            <label>
              {t('portfolio.details.kind')}
              <KindSelect value={journey.kind} label={t('portfolio.details.kind')} onChange={(kind) => update({ kind })} testId="details-kind" />
            </label>
            <label>
              {t('portfolio.details.status')}
              <StatusSelect value={journey.status} label={t('portfolio.details.status')} onChange={(status) => update({ status })} testId="details-status" />
            </label>
          </div>
          <label>
            {t('portfolio.details.owner')}
            <OwnerSelect owner={{ id: journey.ownerId, name: ownerName }} members={people} label={t('portfolio.details.owner')} onChange={(ownerId) => update({ ownerId })} testId="details-owner" />
          </label>
          <label htmlFor={ids.tags}>{t('portfolio.details.tags')}</label>
          <TagsInput id={ids.tags} tags={journey.tags} onChange={(tags) => update({ tags })} testId="details-tags" describedBy={ids.tagsHint} />
          <p className="hint" id={ids.tagsHint}>
            {t('portfolio.details.tagsHint', { max: MAX_JOURNEY_TAGS })}
          </p>
        </fieldset>
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('portfolio.details.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
