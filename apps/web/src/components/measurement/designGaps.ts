import type { StepMetrics } from '@klantreis/analytics';
import type { StepRecord } from '@klantreis/schema';

/** A measured score this far from the designed one (or further) is a gap worth a marker. */
export const SCORE_GAP = 1;

export interface DesignGaps {
  designedMinutes: number | null;
  /** The measured p90 wait is longer than the designed wait. */
  waitExceeded: boolean;
  designedScore: number | null;
  /** Measured mean on the −2..+2 axis minus the designed score. */
  scoreGap: number | null;
  scoreGapMarked: boolean;
}

/**
 * Designed against measured, from the step as it is on the map now: the server's figures do not
 * change when someone moves a designed score or wait, so they are not fetched again for that.
 */
export function designGaps(step: Pick<StepRecord, 'score' | 'wait'>, measured: StepMetrics): DesignGaps {
  const designedMinutes = step.wait?.minutes ?? null;
  const p90 = measured.wait.measured.p90Seconds;
  const scoreGap = step.score === null || measured.survey.axisMean === null ? null : measured.survey.axisMean - step.score;
  return {
    designedMinutes,
    waitExceeded: designedMinutes !== null && p90 !== null && p90 > designedMinutes * 60,
    designedScore: step.score,
    scoreGap,
    scoreGapMarked: scoreGap !== null && Math.abs(scoreGap) >= SCORE_GAP,
  };
}
