// The rule ids are part of the HTTP API (`GET /api/journeys/:id/evaluation`) and of the
// messages catalogue: renaming one is a breaking change for every client that filters on it.
export const RULE_IDS = [
  'peak-end.weak-end',
  'peak-end.strong-end',
  'peak-end.dark-red',
  'peak-end.weak-start',
  'service-concept.differentiator-not-excellent',
  'service-concept.sacrifice-too-costly',
  'service-concept.sacrifice-accepted',
  'pleasure-pain.anticipation',
  'pleasure-pain.pain',
  'kano.must-be-failing',
  'kano.delighter',
  'moment-of-truth.unmet',
  'touchpoint-vs-journey.alert',
  'importance-performance.act-first',
  'importance-performance.overkill',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Locale = 'nl' | 'en';

/** From most to least urgent; findings are listed in this order. */
export const SEVERITIES = ['critical', 'warning', 'info', 'positive'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The steps the finding is about, in display order. */
  stepIds: string[];
  /** Why the rule fired, in the chosen locale, naming the steps by their title. */
  message: string;
}
