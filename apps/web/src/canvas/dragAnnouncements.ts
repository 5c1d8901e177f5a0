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
