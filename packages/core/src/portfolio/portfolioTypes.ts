// The journey portfolio and the opportunity portfolio as the API (`GET /api/portfolio`,
// `GET /api/portfolio/opportunities`), the CLI (`klantreis portfolio --json`) and the web app
// share them. Figures only: the words (status names, health reasons) are made from these in
// the reader's language, by the web app's dictionaries and by healthReasonText in
// @klantreis/evaluation.
import type { JourneyKind, JourneyStatus } from '@klantreis/schema';
import type { Role } from '../access/roles.ts';

// The traffic light and its reasons are defined beside the rule that computes them
// (@klantreis/evaluation/health, browser-safe), and shared from here under the same names.
export type { HealthLevel, HealthReason, JourneyHealth } from '@klantreis/evaluation/health';
import type { JourneyHealth } from '@klantreis/evaluation/health';

/** Designed and measured scores, each as remembered (peak-end) and as the mean of the steps, on −2 … +2. */
export interface ScoreRollup {
  designedRemembered: number | null;
  designedMean: number | null;
  measuredRemembered: number | null;
  measuredMean: number | null;
}

export interface MeasurementRollup {
  cases: number;
  /** Share of cases that reach the journey's end, 0 … 1. */
  completionRate: number | null;
  /** Change in the drop-off share between the last two periods, in points (0.05 = 5 points more drop-off). */
  dropOffTrend: number | null;
  /** Median of the measured waits before or between steps, in minutes; null when none is measured. */
  medianWaitMinutes: number | null;
}

export interface XlaRollup {
  met: number;
  atRisk: number;
  missed: number;
  noData: number;
}

export interface FindingCounts {
  critical: number;
  warning: number;
  info: number;
  positive: number;
}

/** A stage of an experience map that a journey details. */
export interface StageRef {
  experienceMapId: string;
  experienceMapTitle: string;
  stageId: string;
  stageName: string;
  /** The stage's place in its experience map, 1 for the first stage (a journey's stages are listed in this order per map). */
  stagePosition?: number;
}

/** One journey's rolled-up figures: what the portfolio lists and an experience map's stage sums. */
export interface JourneyFigures {
  scores: ScoreRollup;
  measurement: MeasurementRollup | null;
  xla: XlaRollup | null;
  findings: FindingCounts;
  /** Open improvement actions (not done). */
  openActions: number;
  health: JourneyHealth;
}

export interface PortfolioJourney extends JourneyFigures {
  id: string;
  title: string;
  kind: JourneyKind;
  status: JourneyStatus;
  owner: { id: string | null; name: string };
  tags: string[];
  /** The names of the journey's personas. */
  personas: string[];
  locale: 'nl' | 'en';
  updatedAt: number;
  stepCount: number;
  stages: StageRef[];
  /** The caller's role on the journey. */
  role: Role | null;
}

export interface PortfolioResponse {
  workspaceId: string;
  generatedAt: number;
  journeys: PortfolioJourney[];
}

/** An improvement action or an open finding of one journey, in the opportunity portfolio. */
export interface Opportunity {
  journeyId: string;
  journeyTitle: string;
  source: 'action' | 'finding';
  /** The action's id, or `finding:<rule>:<first step id or "journey">` (one rule may fire on several steps). */
  id: string;
  /** The finding's rule id, or the rule an action was made from (its sourceRule); null for an action made by hand. */
  rule?: string | null;
  title: string;
  owner: string;
  status: 'idea' | 'planned' | 'doing' | 'done' | 'open';
  dueDate: string | null;
  /** 1 … 5, null until judged (findings carry none). */
  impact: number | null;
  effort: number | null;
  severity: 'critical' | 'warning' | 'info' | 'positive' | null;
  stepIds: string[];
  stepTitles: string[];
}

export interface OpportunitiesResponse {
  workspaceId: string;
  opportunities: Opportunity[];
}

/** A named view of the portfolio (`/api/portfolio/views`): the web app's filter, sort and grouping as JSON, shared in a workspace. */
export interface SavedPortfolioView {
  id: string;
  workspaceId: string;
  name: string;
  /** `{ filter?: {field: value | null}, sort?: {key, direction}, group? }`, at most 4 KB. */
  state: unknown;
  createdBy: { id: string | null; name: string };
  createdAt: number;
}

/** `PATCH /api/journeys/:id/portfolio`: the portfolio fields an editor may change; leave out what stays. */
export interface PortfolioFieldsPatch {
  /** A member of the journey's workspace, or null for nobody. */
  ownerId?: string | null;
  status?: JourneyStatus;
  kind?: JourneyKind;
  tags?: string[];
}
