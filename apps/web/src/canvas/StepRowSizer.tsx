import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepRecord } from '@klantreis/schema';
import { cellTextWidth, estimatedHeadHeight, highest } from './laneSizer.ts';
import { stepDisplayTitle } from './mapLayout.ts';
import { StepBadges, StepTitleWords } from './StepHeader.tsx';

/** How many badges a step head shows. */
function badgeCount(step: StepRecord, openComments: number): number {
  return (
    (openComments > 0 ? 1 : 0) +
    (step.beforeFirstContact ? 1 : 0) +
    (step.momentOfTruth ? 1 : 0) +
    (step.wait ? 1 : 0) +
    (step.serviceConcept === 'differentiator' || step.serviceConcept === 'sacrifice' ? 1 : 0) +
    step.touchpoints.length
  );
}

/**
 * The step row's likeliest tallest heads on the whole map, drawn unseen and unheard in the row's
 * end column, so the sticky step row keeps one height whichever columns are drawn (laneSizer.ts).
 */
export const StepRowSizer = memo(function StepRowSizer({ steps, stepNumber, openComments }: {
  steps: readonly StepRecord[];
  stepNumber: ReadonlyMap<string, number>;
  openComments: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  const untitled = t('step.untitled');
  const tallest = useMemo(() => {
    const widthOf = cellTextWidth();
    const heads = steps.map((step) => {
      const number = stepNumber.get(step.id) ?? 0;
      return { step, number, title: stepDisplayTitle(step, number, untitled), comments: openComments.get(step.id) ?? 0 };
    });
    return highest(heads, (head) => estimatedHeadHeight(`${head.number}. ${head.title}`, badgeCount(head.step, head.comments), widthOf));
  }, [steps, stepNumber, openComments, untitled]);
  return (
    <div className="lane-sizer" aria-hidden="true" data-testid="step-row-sizer">
      {tallest.map(({ step, number, title, comments }) => (
        <div key={step.id} className="step-head lane-sizer__head">
          <div className="step-head__score" />
          <div className="step-head__row">
            <button type="button" className="step-head__handle" tabIndex={-1} disabled>
              ⠿
            </button>
            <button type="button" className="step-head__title" tabIndex={-1} disabled>
              <StepTitleWords step={step} number={number} title={title} />
            </button>
          </div>
          <StepBadges step={step} title={title} openComments={comments} />
        </div>
      ))}
    </div>
  );
});
