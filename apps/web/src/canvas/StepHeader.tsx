import { useSortable } from '@dnd-kit/sortable';
import { CSS, type Transform } from '@dnd-kit/utilities';
import { memo, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { scoreColor, type StepRecord } from '@klantreis/schema';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { PeerSelection } from '../components/presence/PeerSelection.tsx';
import { useEditorStore } from '../stores/editorStore.ts';
import { currentZoom, useMapViewStore } from '../stores/mapViewStore.ts';
import { useContentLanguage } from './contentLanguage.ts';
import { stepDisplayTitle } from './mapLayout.ts';
import { withSoftHyphens } from './softHyphens.ts';

/**
 * dnd-kit moves the dragged head by the pointer's distance on screen; inside the zoomed map a
 * translation is zoomed again, so it is divided by the zoom to stay under the pointer. Read at
 * render time, not subscribed: the zoom does not change during a drag.
 */
function unzoomed(transform: Transform | null): Transform | null {
  if (!transform) return null;
  const zoom = currentZoom(useMapViewStore.getState());
  return zoom === 1 ? transform : { ...transform, x: transform.x / zoom, y: transform.y / zoom };
}

/** A step's column head: the post-it that is dragged, selected and moved by keyboard. */
export const StepHeader = memo(function StepHeader({ step, number, column, onMoveBy, openComments = 0 }: {
  step: StepRecord;
  number: number;
  column: number;
  onMoveBy: (stepId: string, delta: number) => void;
  /** Unresolved comment threads on the step and its cells. */
  openComments?: number;
}) {
  const { t } = useTranslation();
  const selected = useEditorStore((s) => s.selectedStepId === step.id);
  const highlighted = useEditorStore((s) => s.highlightedStepIds.includes(step.id));
  const selectStep = useEditorStore((s) => s.selectStep);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: step.id });
  const title = stepDisplayTitle(step, number, t('step.untitled'));
  const dark = step.score === -2 || step.score === 2;

  function onHandleKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      onMoveBy(step.id, event.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    listeners?.onKeyDown?.(event);
  }

  return (
    <div
      ref={setNodeRef}
      className={`step-head${selected ? ' step-head--selected' : ''}${highlighted ? ' step-head--highlighted' : ''}${isDragging ? ' step-head--dragging' : ''}`}
      style={{ gridColumn: column + 2, transform: CSS.Translate.toString(unzoomed(transform)), transition }}
      data-step-id={step.id}
      data-highlighted={highlighted}
      data-testid="step-head"
    >
      <div className="step-head__score" style={{ background: scoreColor(step.score) }} aria-hidden="true" />
      <div className="step-head__row">
        <button
          type="button"
          className="step-head__handle"
          {...attributes}
          {...listeners}
          onKeyDown={onHandleKey}
          aria-label={t('step.dragHandle', { title })}
          aria-roledescription={undefined}
          title={t('step.dragHandle', { title })}
        >
          ⠿
        </button>
        <button type="button" className="step-head__title" onClick={() => selectStep(step.id)} title={t('step.open', { title })} aria-pressed={selected}>
          <StepTitleWords step={step} number={number} title={title} />
        </button>
      </div>
      <StepBadges
        step={step}
        title={title}
        openComments={openComments}
        onOpenComments={() => {
          selectStep(step.id);
          useEditorStore.getState().setSideTab('comments');
        }}
      />
      {dark && <span className="visually-hidden">{t(`scores.${step.score}`)}</span>}
      <PeerSelection stepId={step.id} />
    </div>
  );
});

/** A step head's number and title, long words with soft hyphens, in the journey's language. */
export function StepTitleWords({ step, number, title }: { step: StepRecord; number: number; title: string }) {
  const lang = useContentLanguage();
  return (
    <>
      <span className="step-head__number">{number}.</span> <span lang={step.title ? lang : undefined}>{withSoftHyphens(title)}</span>
    </>
  );
}

/** One of a step head's badges: its kind (the class `badge--<kind>`) and words. */
export interface StepBadge {
  key: string;
  kind: 'comments' | 'trigger' | 'mot' | 'wait' | 'diff' | 'sacrifice' | 'channel';
  text: string;
}

/** A step head's badges, in order: open comments, trigger, moment of truth, wait, service concept, channels. */
export function stepBadges(step: StepRecord, openComments: number, title: string, t: TFunction, language: string): StepBadge[] {
  const badges: StepBadge[] = [];
  if (openComments > 0) badges.push({ key: 'comments', kind: 'comments', text: t('comments.count', { count: openComments, title }) });
  if (step.beforeFirstContact) badges.push({ key: 'trigger', kind: 'trigger', text: t('step.triggerBadge') });
  if (step.momentOfTruth) badges.push({ key: 'mot', kind: 'mot', text: t('step.motBadge') });
  if (step.wait) badges.push({ key: 'wait', kind: 'wait', text: t('step.waitBadge', { duration: formatWaitMinutes(step.wait.minutes, language === 'nl' ? 'nl' : 'en') }) });
  if (step.serviceConcept === 'differentiator') badges.push({ key: 'diff', kind: 'diff', text: t('step.differentiatorBadge') });
  if (step.serviceConcept === 'sacrifice') badges.push({ key: 'sacrifice', kind: 'sacrifice', text: t('step.sacrificeBadge') });
  for (const tp of step.touchpoints) badges.push({ key: tp.id, kind: 'channel', text: tp.channel === 'custom' ? tp.customChannel || t('channels.custom') : t(`channels.${tp.channel}`) });
  return badges;
}

/**
 * A step head's badges. Without `onOpenComments` the comment count is plain text (the step
 * row's sizer).
 */
export function StepBadges({ step, title, openComments, onOpenComments }: { step: StepRecord; title: string; openComments: number; onOpenComments?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="step-head__badges">
      {stepBadges(step, openComments, title, t, i18n.language).map((badge) =>
        badge.kind === 'comments' && onOpenComments ? (
          <button key={badge.key} type="button" className="badge badge--comments" onClick={onOpenComments} data-testid="comment-count">
            {badge.text}
          </button>
        ) : (
          <span key={badge.key} className={`badge badge--${badge.kind}`}>
            {badge.text}
          </span>
        ),
      )}
    </div>
  );
}
