import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { PhaseRecord, StepRecord } from '@klantreis/schema';

// What a screen reader says while a step is dragged, in words instead of dnd-kit's ids
// ("Draggable item step:q37… was dropped over droppable area step:1vb…"):
//   "Step ‘Pay’ moved after ‘Order’ in phase ‘Visit’."

const PHASE_DROP = 'phase-drop:';

export function dragAnnouncements(t: TFunction, steps: readonly StepRecord[], phases: readonly PhaseRecord[]): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const stepById = new Map<string, StepRecord>(steps.map((step) => [step.id, step]));
  const phaseName = (phaseId: string) => phases.find((p) => p.id === phaseId)?.name.trim() || t('phase.unnamed');
  const stepName = (id: string | number) => stepById.get(String(id))?.title.trim() || t('step.untitled');
  const order: string[] = steps.map((s) => s.id);

  /** Where the dragged step lands if dropped on `overId`: before or after that step, or into an empty phase. */
  function place(activeId: string | number, overId: string | number | undefined): string | null {
    if (overId === undefined) return null;
    const over = String(overId);
    if (over.startsWith(PHASE_DROP)) return t('dnd.intoPhase', { phase: phaseName(over.slice(PHASE_DROP.length)) });
    const target = stepById.get(over);
    if (!target) return null;
    if (over === String(activeId)) return t('dnd.inPlace', { phase: phaseName(target.phaseId) });
    const after = order.indexOf(String(activeId)) < order.indexOf(over);
    return t(after ? 'dnd.afterStep' : 'dnd.beforeStep', { other: stepName(over), phase: phaseName(target.phaseId) });
  }

  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('dnd.start', { step: stepName(active.id) }),
      onDragOver: ({ active, over }) => {
        const where = place(active.id, over?.id);
        return where === null ? t('dnd.nowhere', { step: stepName(active.id) }) : t('dnd.over', { step: stepName(active.id), where });
      },
      onDragEnd: ({ active, over }) => {
        const where = place(active.id, over?.id);
        return where === null || over?.id === active.id ? t('dnd.notMoved', { step: stepName(active.id) }) : t('dnd.moved', { step: stepName(active.id), where });
      },
      onDragCancel: ({ active }) => t('dnd.cancelled', { step: stepName(active.id) }),
    },
  };
}

/**
 * What a screen reader hears after Alt+← or Alt+→ on a step's handle moved it (`target`, from
 * stepMoveTarget on the journey before the move; null when it could go no further): the step it
 * passed, in words, as a drag's drop says it. `journey` lists the steps in map order.
 */
export function keyboardMoveAnnouncement(
  t: TFunction,
  journey: { steps: readonly StepRecord[]; phases: readonly PhaseRecord[] },
  stepId: string,
  delta: number,
  target: { phaseId: string; position: number } | null,
): string {
  const step = journey.steps.find((s) => s.id === stepId);
  const stepName = step?.title.trim() || t('step.untitled');
  if (!target) return t(delta < 0 ? 'dnd.atStart' : 'dnd.atEnd', { step: stepName });
  const phase = journey.phases.find((p) => p.id === target.phaseId)?.name.trim() || t('phase.unnamed');
  // The steps of the phase it lands in, without itself: it goes in before siblings[position].
  const siblings = journey.steps.filter((s) => s.phaseId === target.phaseId && s.id !== stepId);
  const before = siblings[target.position];
  const after = siblings[target.position - 1];
  const name = (other: StepRecord) => other.title.trim() || t('step.untitled');
  // Moved left, it passed the step now after it; moved right, the step now before it.
  const where =
    (delta < 0 ? before : after) !== undefined
      ? t(delta < 0 ? 'dnd.beforeStep' : 'dnd.afterStep', { other: name((delta < 0 ? before : after)!), phase })
      : before !== undefined
        ? t('dnd.beforeStep', { other: name(before), phase })
        : after !== undefined
          ? t('dnd.afterStep', { other: name(after), phase })
          : t('dnd.intoPhase', { phase });
  return t('dnd.moved', { step: stepName, where });
}
