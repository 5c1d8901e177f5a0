import type { JourneyDocument } from '@klantreis/schema';
import { RULE_IDS, SEVERITIES, type Finding, type Locale, type RuleId, type Severity } from './finding.ts';
import { importancePerformance, type ImportancePerformance } from './importancePerformance.ts';
import { kanoFindings } from './kanoFindings.ts';
import { kanoSummary, type KanoElementSummary } from './kanoSummary.ts';
import { explainRememberedModel } from './messages.ts';
import { momentOfTruthFindings } from './momentsOfTruth.ts';
import { orderJourney, type CurvePoint } from './orderedJourney.ts';
import { computePeakEnd, peakEndFindings, type PeakEnd } from './peakEnd.ts';
import { pleasurePain } from './pleasurePain.ts';
import { assertRememberedModel, DEFAULT_REMEMBERED_MODEL, type RememberedModel } from './rememberedModel.ts';
import { serviceConceptFindings } from './serviceConcept.ts';
import { evaluateToBe, type ToBe } from './toBeCurve.ts';
import { touchpointVsJourney, type TouchpointVsJourney } from './touchpointVsJourney.ts';

export interface EvaluationOptions {
  /** The language of the messages; by default the language the journey is written in. */
  locale?: Locale;
  model?: RememberedModel;
}

/** The model the remembered score was computed with, and one sentence that explains it. */
export type EvaluatedModel = RememberedModel & { explanation: string };

export interface Evaluation {
  peakEnd: PeakEnd;
  /** Most urgent first (critical, warning, info, positive), then in the order of the map. */
  findings: Finding[];
  model: EvaluatedModel;
  importancePerformance: ImportancePerformance;
  touchpointVsJourney: TouchpointVsJourney;
  /** The emotion curve: the scored steps in display order. */
  curve: CurvePoint[];
  /** The to-be curve (target scores, the as-is score where a step has none) and its figures; null without any target. */
  toBe: ToBe | null;
  /** Better/Worse of every Kano element with questionnaire responses. */
  kano: KanoElementSummary[];
}

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((severity, i) => [severity, i]));
const RULE_RANK = new Map<RuleId, number>(RULE_IDS.map((rule, i) => [rule, i]));

/**
 * Every rule of evaluation over one journey. Pure: the same document (in any array order,
 * or after a JSON round trip) gives the same evaluation. Throws a RangeError for an invalid model.
 */
export function evaluateJourney(doc: JourneyDocument, options: EvaluationOptions = {}): Evaluation {
  const locale = options.locale ?? doc.journey.locale;
  const model = options.model ?? DEFAULT_REMEMBERED_MODEL;
  assertRememberedModel(model);

  const journey = orderJourney(doc);
  const peakEnd = computePeakEnd(journey.curve, model);
  const pleasure = pleasurePain(journey, locale);
  const importance = importancePerformance(journey, locale, pleasure.anticipationStepIds);
  const touchpoints = touchpointVsJourney(journey, locale);

  const findings = [
    ...peakEndFindings(journey, peakEnd, locale, pleasure.anticipationStepIds),
    ...serviceConceptFindings(journey, locale),
    ...pleasure.findings,
    ...kanoFindings(journey, locale),
    ...momentOfTruthFindings(journey, locale),
    ...touchpoints.findings,
    ...importance.findings,
  ];
  const firstPosition = new Map<Finding, number>();
  for (const finding of findings) {
    let first = Number.POSITIVE_INFINITY;
    for (const id of finding.stepIds) first = Math.min(first, journey.byStepId.get(id)?.position ?? first);
    firstPosition.set(finding, first);
  }
  findings.sort(
    (a, b) =>
      SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)! ||
      firstPosition.get(a)! - firstPosition.get(b)! ||
      RULE_RANK.get(a.rule)! - RULE_RANK.get(b.rule)!,
  );

  return {
    peakEnd,
    findings,
    model: { ...model, explanation: explainRememberedModel(model, locale) },
    importancePerformance: importance.result,
    touchpointVsJourney: touchpoints.summary,
    curve: journey.curve,
    toBe: evaluateToBe(journey, model),
    kano: kanoSummary(journey),
  };
}
