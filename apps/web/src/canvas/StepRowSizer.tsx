import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepRecord } from '@klantreis/schema';
import { cellTextWidth, estimatedHeadHeight, highest } from './laneSizer.ts';
import { stepDisplayTitle } from './mapLayout.ts';
import { useAfterFirstPaint } from './useAfterFirstPaint.ts';
import { StepBadges, StepTitleWords, stepBadges } from './StepHeader.tsx';

/**
 * The step row's likeliest tallest heads on the whole map, drawn unseen and unheard in the row's
 * end column, so the sticky step row keeps one height whichever columns are drawn (laneSizer.ts).
 */
export const StepRowSizer = memo(function StepRowSizer({ steps, stepNumber, openComments }: {
  steps: readonly StepRecord[];
  stepNumber: ReadonlyMap<string, number>;
  openComments: ReadonlyMap<string, number>;
}) {
  const { t, i18n } = useTranslation();
  const untitled = t('step.untitled');
  // Not in the map's first frame, as the lanes' sizers.
  const ready = useAfterFirstPaint();
  const tallest = useMemo(() => {
    if (!ready) return [];
    const widthOf = cellTextWidth();
    const heads = steps.map((step) => {
      const number = stepNumber.get(step.id) ?? 0;
      return { step, number, title: stepDisplayTitle(step, number, untitled), comments: openComments.get(step.id) ?? 0 };
    });
    const badgeTexts = (head: (typeof heads)[number]) => stepBadges(head.step, head.comments, head.title, t, i18n.language).map((badge) => badge.text);
    return highest(heads, (head) => estimatedHeadHeight(`${head.number}. ${head.title}`, badgeTexts(head), widthOf));
  }, [ready, steps, stepNumber, openComments, untitled, t, i18n.language]);
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
