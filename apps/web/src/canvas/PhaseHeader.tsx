import { useDroppable } from '@dnd-kit/core';
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseId } from '@klantreis/schema';
import { addStep, deletePhase, movePhase, updateRecord } from '@klantreis/sync';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useCan } from '../hooks/useJourneyAccess.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useContentLanguage } from './contentLanguage.ts';
import { HyphenatedTextarea } from './HyphenatedTextarea.tsx';
import type { PhaseSpan } from './mapLayout.ts';

/** A name and a moment of truth are one line of text: Enter ends the edit instead of adding a line. */
function endOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.key === 'Enter') {
    event.preventDefault();
    event.currentTarget.blur();
  }
}

export const PhaseHeader = memo(function PhaseHeader({ span, index, phaseCount }: { span: PhaseSpan; index: number; phaseCount: number }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const selectStep = useEditorStore((s) => s.selectStep);
  const { phase } = span;
  const label = phase.name || t('phase.unnamed');
  const canEdit = useCan('journey.edit');
  const lang = useContentLanguage();

  return (
    <section
      className="phase"
      style={{ gridColumn: `${span.firstColumn + 2} / span ${span.span}` }}
      aria-label={label}
      data-phase-id={phase.id}
    >
      <div className="phase__top">
        {/* Textareas that grow with their text, so a long name or moment of truth wraps (with
            hyphens in the journey's language) instead of being cut off in a one-step phase. */}
        <HyphenatedTextarea
          grow
          className="phase__name"
          rows={1}
          lang={phase.name ? lang : undefined}
          value={phase.name}
          placeholder={t('phase.unnamed')}
          aria-label={t('phase.name')}
          maxLength={200}
          readOnly={!canEdit}
          onKeyDown={endOnEnter}
          onChange={(e) => edit((doc, origin) => updateRecord(doc, phase.id, { name: e.target.value.replace(/\n/g, ' ') }, origin))}
        />
        {canEdit && (
        <div className="icon-buttons">
          <button
            type="button"
            className="icon"
            aria-label={`${t('editor.addStep')}: ${label}`}
            title={t('editor.addStep')}
            onClick={() => {
              const stepId = edit((doc, origin) => addStep(doc, { phaseId: phase.id as PhaseId }, origin));
              if (stepId) selectStep(stepId);
            }}
          >
            +
          </button>
          <button type="button" className="icon" aria-label={`${t('phase.moveLeft')}: ${label}`} title={t('phase.moveLeft')} disabled={index === 0} onClick={() => edit((doc, origin) => movePhase(doc, phase.id as PhaseId, index - 1, origin))}>
            ←
          </button>
          <button type="button" className="icon" aria-label={`${t('phase.moveRight')}: ${label}`} title={t('phase.moveRight')} disabled={index === phaseCount - 1} onClick={() => edit((doc, origin) => movePhase(doc, phase.id as PhaseId, index + 1, origin))}>
            →
          </button>
          <button
            type="button"
            className="icon danger"
            aria-label={`${t('phase.delete')}: ${label}`}
            title={t('phase.delete')}
            disabled={phaseCount <= 1}
            onClick={() => {
              if (span.stepCount === 0 || confirm(t('phase.confirmDelete', { name: label, count: span.stepCount }))) {
                edit((doc, origin) => deletePhase(doc, phase.id as PhaseId, origin));
              }
            }}
          >
            ×
          </button>
        </div>
        )}
      </div>
      <label className="phase__mot">
        <span className="phase__mot-label">{t('phase.momentOfTruth')}</span>
        <HyphenatedTextarea
          grow
          className="phase__mot-text"
          title={phase.momentOfTruth || undefined}
          rows={1}
          lang={phase.momentOfTruth ? lang : undefined}
          value={phase.momentOfTruth}
          placeholder={t('phase.momentOfTruthPlaceholder')}
          readOnly={!canEdit}
          onKeyDown={endOnEnter}
          onChange={(e) => edit((doc, origin) => updateRecord(doc, phase.id, { momentOfTruth: e.target.value.replace(/\n/g, ' ') }, origin))}
        />
      </label>
    </section>
  );
});

/** The column of a phase without steps: a place to drop a step and to add the first one. */
export function EmptyPhaseColumn({ phaseId, column }: { phaseId: string; column: number }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `phase-drop:${phaseId}` });
  return (
    <div ref={setNodeRef} className={isOver ? 'step-head step-head--empty step-head--over' : 'step-head step-head--empty'} style={{ gridColumn: column + 2 }}>
      {isOver ? t('phase.dropHere') : t('phase.empty')}
    </div>
  );
}
