import type { Locale } from './finding.ts';
import { formatScore } from './messages.ts';

// A journey's health: one traffic light for the portfolio, so that management sees at a
// glance which journeys are healthy and which need work, with the reasons in words.
//
// THE RULE. Each input gives a level on its own; the journey takes the worst of them.
//
// | input                                      | critical         | attention                | healthy (a reason shown) |
// |--------------------------------------------|------------------|--------------------------|--------------------------|
// | findings of the evaluation                 | –                | ≥ 1 critical or warning  | –                        |
// | remembered score (peak-end) *              | below 0          | 0 up to +1 (not incl.)   | +1 or more               |
// | completion rate (≥ 10 measured cases)      | below 50%        | 50% up to 80%            | –                        |
// | drop-off trend, last period vs the one     | +15 points or    | +5 up to +15 points      | –                        |
// |   before                                   |   more           |                          |                          |
// | XLA indicators (latest period)             | ≥ 1 missed       | ≥ 1 at risk              | every one with data met  |
//
// * The measured remembered score (survey answers per step, on the −2..+2 axis) when there is
//   one, else the designed one: what customers report outweighs what the team designed.
//
// Findings alone never make a journey critical: they point at moments (a −2 step, a must-be
// failing), and the seeds ask to judge the whole journey, not its touchpoints. Whether the
// whole journey is in trouble is said by how it is remembered, how many finish it and whether
// its XLA holds. IKEA's visit has three −2 moments and is remembered at +2: it needs
// attention at those moments, it is not a critical journey. (With findings counted as
// critical, every sample journey was red, and the light told management nothing.)
//
// No input judged at all (no score, no measured cases, no XLA with data, no critical or
// warning finding) is `unknown`, not healthy: a blank map is not a good journey. A journey is
// `healthy` only when at least one input was judged and none asked for attention.
//
// The reasons are listed from the weightiest: first those at the journey's worst level, then
// the milder ones, the positive ones last; within a level in the order of the table.

export type HealthLevel = 'healthy' | 'attention' | 'critical' | 'unknown';

/**
 * Why a journey has its light, as a code with the figures in it; `healthReasonText` makes it
 * a sentence in the reader's language. `measured` on a score says which remembered score was
 * judged (true: from survey answers; false or absent: the designed curve).
 */
export type HealthReason =
  | { code: 'critical-findings'; count: number }
  | { code: 'warning-findings'; count: number }
  | { code: 'remembered-score-low'; score: number; measured?: boolean }
  | { code: 'remembered-score-high'; score: number; measured?: boolean }
  | { code: 'completion-low'; rate: number }
  | { code: 'drop-off-rising'; change: number }
  | { code: 'xla-missed'; count: number }
  | { code: 'xla-at-risk'; count: number }
  | { code: 'xla-met'; count: number }
  | { code: 'no-scores' };

export interface JourneyHealth {
  level: HealthLevel;
  reasons: HealthReason[];
}

/** What the rule reads; the portfolio's roll-up types (ScoreRollup, …) fit it as they are. */
export interface HealthInputs {
  findings: { critical: number; warning: number };
  scores: { designedRemembered: number | null; measuredRemembered: number | null };
  measurement: { cases: number; completionRate: number | null; dropOffTrend: number | null } | null;
  xla: { met: number; atRisk: number; missed: number; noData: number } | null;
}

/** The thresholds of the rule above, named so that tests and the head comment agree. */
export const HEALTH_THRESHOLDS = {
  /** A remembered score below this is critical: customers remember the journey negatively. */
  rememberedCritical: 0,
  /** A remembered score below this needs attention; at or above it is a healthy reason. */
  rememberedHealthy: 1,
  completionCritical: 0.5,
  completionAttention: 0.8,
  /** Fewer measured cases than this say too little about completion to judge it. */
  minimumCases: 10,
  /** In points of the drop-off share (0.05 = 5 points). */
  dropOffRiseAttention: 0.05,
  dropOffRiseCritical: 0.15,
} as const;

type Judged = { level: 'critical' | 'attention' | 'healthy'; reason: HealthReason };

const LEVEL_WEIGHT: Record<Judged['level'], number> = { critical: 0, attention: 1, healthy: 2 };

function judgeFindings(findings: HealthInputs['findings']): Judged[] {
  const judged: Judged[] = [];
  if (findings.critical > 0) judged.push({ level: 'attention', reason: { code: 'critical-findings', count: findings.critical } });
  if (findings.warning > 0) judged.push({ level: 'attention', reason: { code: 'warning-findings', count: findings.warning } });
  return judged;
}

function judgeRememberedScore(scores: HealthInputs['scores']): Judged[] {
  const measured = scores.measuredRemembered !== null;
  const score = scores.measuredRemembered ?? scores.designedRemembered;
  if (score === null) return [];
  if (score < HEALTH_THRESHOLDS.rememberedCritical) return [{ level: 'critical', reason: { code: 'remembered-score-low', score, measured } }];
  if (score < HEALTH_THRESHOLDS.rememberedHealthy) return [{ level: 'attention', reason: { code: 'remembered-score-low', score, measured } }];
  return [{ level: 'healthy', reason: { code: 'remembered-score-high', score, measured } }];
}

function judgeCompletion(measurement: HealthInputs['measurement']): Judged[] {
  const rate = measurement?.completionRate ?? null;
  if (measurement === null || rate === null || measurement.cases < HEALTH_THRESHOLDS.minimumCases) return [];
  if (rate < HEALTH_THRESHOLDS.completionCritical) return [{ level: 'critical', reason: { code: 'completion-low', rate } }];
  if (rate < HEALTH_THRESHOLDS.completionAttention) return [{ level: 'attention', reason: { code: 'completion-low', rate } }];
  return [];
}

function judgeDropOffTrend(measurement: HealthInputs['measurement']): Judged[] {
  const change = measurement?.dropOffTrend ?? null;
  if (change === null) return [];
  if (change >= HEALTH_THRESHOLDS.dropOffRiseCritical) return [{ level: 'critical', reason: { code: 'drop-off-rising', change } }];
  if (change >= HEALTH_THRESHOLDS.dropOffRiseAttention) return [{ level: 'attention', reason: { code: 'drop-off-rising', change } }];
  return [];
}

function judgeXla(xla: HealthInputs['xla']): Judged[] {
  if (xla === null) return [];
  const judged: Judged[] = [];
  if (xla.missed > 0) judged.push({ level: 'critical', reason: { code: 'xla-missed', count: xla.missed } });
  if (xla.atRisk > 0) judged.push({ level: 'attention', reason: { code: 'xla-at-risk', count: xla.atRisk } });
  if (xla.met > 0 && xla.missed === 0 && xla.atRisk === 0) judged.push({ level: 'healthy', reason: { code: 'xla-met', count: xla.met } });
  return judged;
}

/** The traffic light of one journey and its reasons, most weighty first (see the rule above). */
export function journeyHealth(inputs: HealthInputs): JourneyHealth {
  const judged = [
    ...judgeFindings(inputs.findings),
    ...judgeRememberedScore(inputs.scores),
    ...judgeCompletion(inputs.measurement),
    ...judgeDropOffTrend(inputs.measurement),
    ...judgeXla(inputs.xla),
  ];
  const judgedSomething = judged.length > 0 || (inputs.measurement !== null && inputs.measurement.cases >= HEALTH_THRESHOLDS.minimumCases);
  if (!judgedSomething) return { level: 'unknown', reasons: [{ code: 'no-scores' }] };
  // A stable sort keeps the table's order within a level.
  judged.sort((a, b) => LEVEL_WEIGHT[a.level] - LEVEL_WEIGHT[b.level]);
  const worst = judged[0]?.level ?? 'healthy';
  return { level: worst, reasons: judged.map((j) => j.reason) };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type ReasonTexts = { [C in HealthReason['code']]: (reason: Extract<HealthReason, { code: C }>) => string };

const REASON_TEXTS: Record<Locale, ReasonTexts> = {
  nl: {
    'critical-findings': (r) => `${plural(r.count, 'kritieke bevinding', 'kritieke bevindingen')} in de evaluatie`,
    'warning-findings': (r) => `${plural(r.count, 'waarschuwing', 'waarschuwingen')} in de evaluatie`,
    'remembered-score-low': (r) =>
      `${r.measured ? 'Gemeten' : 'Ontworpen'} herinnerde score ${formatScore(r.score, 'nl')}: ${
        r.score < HEALTH_THRESHOLDS.rememberedCritical ? 'klanten onthouden deze reis negatief' : 'klanten onthouden deze reis niet positief (onder +1)'
      }`,
    'remembered-score-high': (r) => `${r.measured ? 'Gemeten' : 'Ontworpen'} herinnerde score ${formatScore(r.score, 'nl')}: klanten onthouden deze reis positief`,
    'completion-low': (r) => `Maar ${percent(r.rate)} van de klanten maakt de reis af`,
    'drop-off-rising': (r) => `De afhakers stegen met ${Math.round(r.change * 100)} procentpunt in de laatste periode`,
    'xla-missed': (r) => `${plural(r.count, 'XLA-indicator haalt', 'XLA-indicatoren halen')} het doel niet`,
    'xla-at-risk': (r) => `${plural(r.count, 'XLA-indicator loopt', 'XLA-indicatoren lopen')} risico`,
    'xla-met': (r) => `${plural(r.count, 'XLA-indicator haalt', 'XLA-indicatoren halen')} het doel`,
    'no-scores': () => 'Nog geen scores of metingen om te beoordelen',
  },
  en: {
    'critical-findings': (r) => `${plural(r.count, 'critical finding', 'critical findings')} in the evaluation`,
    'warning-findings': (r) => `${plural(r.count, 'warning', 'warnings')} in the evaluation`,
    'remembered-score-low': (r) =>
      `${r.measured ? 'Measured' : 'Designed'} remembered score ${formatScore(r.score, 'en')}: ${
        r.score < HEALTH_THRESHOLDS.rememberedCritical ? 'customers remember this journey negatively' : 'customers do not remember this journey positively (below +1)'
      }`,
    'remembered-score-high': (r) => `${r.measured ? 'Measured' : 'Designed'} remembered score ${formatScore(r.score, 'en')}: customers remember this journey positively`,
    'completion-low': (r) => `Only ${percent(r.rate)} of customers complete the journey`,
    'drop-off-rising': (r) => `Drop-off rose by ${Math.round(r.change * 100)} percentage points in the last period`,
    'xla-missed': (r) => `${plural(r.count, 'XLA indicator misses', 'XLA indicators miss')} the target`,
    'xla-at-risk': (r) => `${plural(r.count, 'XLA indicator is', 'XLA indicators are')} at risk`,
    'xla-met': (r) => `${plural(r.count, 'XLA indicator meets', 'XLA indicators meet')} the target`,
    'no-scores': () => 'No scores or measurements to judge yet',
  },
};

/** One health reason as a sentence in Dutch or English (the CLI's table and the web app's hover). */
export function healthReasonText(reason: HealthReason, locale: Locale): string {
  const text = REASON_TEXTS[locale][reason.code] as (r: HealthReason) => string;
  return text(reason);
}
