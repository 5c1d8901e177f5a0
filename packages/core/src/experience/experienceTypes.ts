// An experience map's roll-up by stage (`GET /api/journeys/:id/experience` and its live stream
// `…/experience/events`), shared by the server and the web app so the HTTP type exists once.
// Figures only; the web app words them in the reader's language.
import type { JourneyKind } from '@klantreis/schema';
import type { FindingCounts, HealthLevel, JourneyHealth, MeasurementRollup, ScoreRollup, XlaRollup } from '../portfolio/portfolioTypes.ts';

/**
 * Whether the caller may open a linked journey: `available`; `trashed` (they may see it, but it
 * is in the trash); `unavailable` (not theirs to see, deleted, or in another workspace: its
 * title is not told).
 */
export type LinkAvailability = 'available' | 'trashed' | 'unavailable';

export interface LinkedJourneyRollup {
  linkId: string;
  journeyId: string;
  /** The linked journey's phase where this stage begins; the drill-down opens there. */
  targetPhaseId: string | null;
  /** That phase's name, when available (the drill-down's label says where it opens). */
  targetPhaseName: string | null;
  availability: LinkAvailability;
  /** Null unless available. */
  title: string | null;
  kind: JourneyKind | null;
  scores: ScoreRollup | null;
  measurement: MeasurementRollup | null;
  xla: XlaRollup | null;
  findings: FindingCounts | null;
  health: JourneyHealth | null;
}

/** A stage's figures over its available linked journeys (each journey counts once). */
export interface StageJourneysRollup {
  /** The mean of the journeys' designed remembered scores, and of their designed means. */
  designedRemembered: number | null;
  designedMean: number | null;
  measuredRemembered: number | null;
  measuredMean: number | null;
  /** Measured cases over the journeys. */
  cases: number;
  /** Cases that did not reach their journey's end, over all measured cases, 0 … 1. */
  dropOffRate: number | null;
  /** The median of the journeys' median waits, in minutes. */
  medianWaitMinutes: number | null;
  /** XLA indicators by status, summed; null when no journey has any. */
  xla: XlaRollup | null;
  findings: FindingCounts;
  /** The worst light among the journeys that have one; unknown when none has. */
  health: HealthLevel;
}

export interface StageRollup {
  stageId: string;
  name: string;
  momentOfTruth: string;
  /** The stage's own moments (its steps) on the experience map, by the peak-end rule. */
  own: { remembered: number | null; mean: number | null; steps: number };
  journeys: StageJourneysRollup;
  links: LinkedJourneyRollup[];
}

/** One point of the lifecycle curve per stage. */
export interface LifecyclePoint {
  stageId: string;
  /** The stage's own designed score (remembered), else the journeys' designed remembered score. */
  designed: number | null;
  /** The journeys' measured remembered score. */
  measured: number | null;
}

export interface ExperienceRollup {
  experienceMapId: string;
  title: string;
  computedAt: number;
  stages: StageRollup[];
  curve: LifecyclePoint[];
}
