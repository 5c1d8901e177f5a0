// The experience map's roll-up by stage, as a pure function of the map and its linked
// journeys' figures, so the hand-computed fixture test and the live stream run the same code.
// A stage's journeys each count once (a mean of their remembered scores, not of all their
// steps): the lifecycle is remembered journey by journey, and a long journey must not outweigh
// a short one. Cases are the exception: drop-off is over all measured cases.
import type { ExperienceRollup, FindingCounts, HealthLevel, LinkedJourneyRollup, StageJourneysRollup, StageRollup, XlaRollup } from '@klantreis/core/contracts';
import { computePeakEnd, DEFAULT_REMEMBERED_MODEL, orderJourney } from '@klantreis/evaluation';
import { sortByIndex, type JourneyDocument, type LinkRecord } from '@klantreis/schema';

const HEALTH_ORDER: readonly HealthLevel[] = ['critical', 'attention', 'healthy'];

function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0) / known.length;
}

function medianOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
}

function sumFindings(links: readonly LinkedJourneyRollup[]): FindingCounts {
  const total: FindingCounts = { critical: 0, warning: 0, info: 0, positive: 0 };
  for (const link of links) {
    if (!link.findings) continue;
    total.critical += link.findings.critical;
    total.warning += link.findings.warning;
    total.info += link.findings.info;
    total.positive += link.findings.positive;
  }
  return total;
}

function sumXla(links: readonly LinkedJourneyRollup[]): XlaRollup | null {
  const withXla = links.filter((link) => link.xla !== null);
  if (withXla.length === 0) return null;
  return withXla.reduce<XlaRollup>(
    (total, { xla }) => ({ met: total.met + xla!.met, atRisk: total.atRisk + xla!.atRisk, missed: total.missed + xla!.missed, noData: total.noData + xla!.noData }),
    { met: 0, atRisk: 0, missed: 0, noData: 0 },
  );
}

function worstHealth(links: readonly LinkedJourneyRollup[]): HealthLevel {
  const levels = new Set(links.map((link) => link.health?.level));
  return HEALTH_ORDER.find((level) => levels.has(level)) ?? 'unknown';
}

/** A stage's figures over its available linked journeys. */
export function rollUpJourneys(links: readonly LinkedJourneyRollup[]): StageJourneysRollup {
  const available = links.filter((link) => link.availability === 'available');
  const measured = available.filter((link) => link.measurement !== null && link.measurement.completionRate !== null);
  const cases = measured.reduce((sum, link) => sum + link.measurement!.cases, 0);
  const droppedCases = measured.reduce((sum, link) => sum + link.measurement!.cases * (1 - link.measurement!.completionRate!), 0);
  return {
    designedRemembered: meanOf(available.map((link) => link.scores?.designedRemembered ?? null)),
    designedMean: meanOf(available.map((link) => link.scores?.designedMean ?? null)),
    measuredRemembered: meanOf(available.map((link) => link.scores?.measuredRemembered ?? null)),
    measuredMean: meanOf(available.map((link) => link.scores?.measuredMean ?? null)),
    cases,
    dropOffRate: cases === 0 ? null : droppedCases / cases,
    medianWaitMinutes: medianOf(available.map((link) => link.measurement?.medianWaitMinutes ?? null)),
    xla: sumXla(available),
    findings: sumFindings(available),
    health: worstHealth(available),
  };
}

/** The stage's own moments on the experience map, by the peak-end rule. */
function ownScores(map: JourneyDocument, stageId: string): StageRollup['own'] {
  const curve = orderJourney(map).curve.filter((point) => map.steps.find((step) => step.id === point.stepId)?.phaseId === stageId);
  const peakEnd = computePeakEnd(curve, DEFAULT_REMEMBERED_MODEL);
  return { remembered: peakEnd.remembered, mean: peakEnd.mean, steps: map.steps.filter((step) => step.phaseId === stageId).length };
}

/**
 * Every stage of the map in order, with its links (in the links' own order) resolved by
 * `resolve` to the caller's view of the linked journey.
 */
export function rollUpStages(map: JourneyDocument, experienceMapId: string, resolve: (link: LinkRecord) => LinkedJourneyRollup, now = Date.now()): ExperienceRollup {
  const links = sortByIndex(map.links);
  const stages = sortByIndex(map.phases).map((phase): StageRollup => {
    const stageLinks = links.filter((link) => link.phaseId === phase.id).map(resolve);
    return { stageId: phase.id, name: phase.name, momentOfTruth: phase.momentOfTruth, own: ownScores(map, phase.id), journeys: rollUpJourneys(stageLinks), links: stageLinks };
  });
  return {
    experienceMapId,
    title: map.journey.title,
    computedAt: now,
    stages,
    curve: stages.map((stage) => ({ stageId: stage.stageId, designed: stage.own.remembered ?? stage.journeys.designedRemembered, measured: stage.journeys.measuredRemembered })),
  };
}
