import { sortByIndex, type CellRecord, type JourneyDocument, type LaneRecord, type PersonaRecord, type PhaseRecord, type StepRecord, type Touchpoint } from '@klantreis/schema';
import { evaluateJourney, type Evaluation } from '@klantreis/evaluation';
import { EXPORT_LABELS, type ExportLabels, type ExportLocale } from './labels.ts';
import type { MeasuredStep } from './measuredFigures.ts';

/** A step as every export shows it: its place, its display title, its phase. */
export interface ViewStep {
  step: StepRecord;
  phase: PhaseRecord;
  /** 1-based, across the whole map. */
  number: number;
  title: string;
}

export interface ViewPhase {
  phase: PhaseRecord;
  name: string;
  steps: ViewStep[];
}

export interface ViewLane {
  lane: LaneRecord;
  name: string;
}


export interface ViewOptions {
  /** Include hidden lanes too; by default an export shows the lanes the map shows. */
  hiddenLanes?: boolean;
  measured?: ReadonlyMap<string, MeasuredStep>;
  /** Defaults to the journey's own language. */
  locale?: ExportLocale;
  /** Show the evaluation (findings, remembered score, peak and end markers); on by default. */
  evaluation?: boolean;
}

/**
 * The journey as exports read it: phases and steps in display order, the visible lanes with
 * their names in the journey's language, cell text by lane and step, the evaluation. Built once
 * per export; every format (SVG, PDF, PPTX, CSV, Mermaid) reads the same view.
 */
export interface JourneyView {
  doc: JourneyDocument;
  locale: ExportLocale;
  labels: ExportLabels;
  phases: ViewPhase[];
  steps: ViewStep[];
  lanes: ViewLane[];
  personas: PersonaRecord[];
  evaluation: Evaluation;
  /** False when the evaluation is not to be shown (a share link without it): findings are then empty. */
  showEvaluation: boolean;
  measured: ReadonlyMap<string, MeasuredStep>;
  cellText(laneId: string, stepId: string): string;
  touchpointText(touchpoint: Touchpoint): string;
}

export function journeyView(doc: JourneyDocument, options: ViewOptions = {}): JourneyView {
  const locale = options.locale ?? doc.journey.locale;
  const labels = EXPORT_LABELS[locale];
  const stepsByPhase = new Map<string, StepRecord[]>();
  for (const step of sortByIndex(doc.steps)) {
    const list = stepsByPhase.get(step.phaseId) ?? [];
    list.push(step);
    stepsByPhase.set(step.phaseId, list);
  }
  const phases: ViewPhase[] = [];
  const steps: ViewStep[] = [];
  for (const phase of sortByIndex(doc.phases)) {
    const viewPhase: ViewPhase = { phase, name: phase.name.trim() || labels.untitledPhase, steps: [] };
    for (const step of stepsByPhase.get(phase.id) ?? []) {
      const number = steps.length + 1;
      const viewStep = { step, phase, number, title: step.title.trim() || `${labels.untitledStep} ${number}` };
      steps.push(viewStep);
      viewPhase.steps.push(viewStep);
    }
    phases.push(viewPhase);
  }
  const lanes = sortByIndex(doc.lanes)
    .filter((lane) => options.hiddenLanes || !lane.hidden)
    .map((lane) => ({ lane, name: lane.name.trim() || labels.laneKinds[lane.kind] }));
  const cells = new Map<string, CellRecord>(doc.cells.map((cell) => [`${cell.laneId} ${cell.stepId}`, cell]));
  const personaById = new Map<string, PersonaRecord>(doc.personas.map((p) => [p.id, p]));
  return {
    doc,
    locale,
    labels,
    phases,
    steps,
    lanes,
    personas: doc.journey.personaIds.map((id) => personaById.get(id)).filter((p): p is PersonaRecord => p !== undefined),
    evaluation: hideFindings(evaluateJourney(doc, { locale }), options.evaluation === false),
    showEvaluation: options.evaluation !== false,
    measured: options.measured ?? new Map(),
    cellText: (laneId, stepId) => cells.get(`${laneId} ${stepId}`)?.text ?? '',
    touchpointText: (touchpoint) => {
      const channel = touchpoint.channel === 'custom' ? touchpoint.customChannel || labels.channels.custom : labels.channels[touchpoint.channel];
      return touchpoint.name ? `${channel}: ${touchpoint.name}` : channel;
    },
  };
}

/** "45 min", "1 u 30" / "1 h 30", "2 d": the way the editor writes a wait. */
/** "+1", "−2", "0": a score as the map labels it. */
export function formatScoreSign(score: number, locale: ExportLocale): string {
  const text = Math.abs(score).toLocaleString(locale, { maximumFractionDigits: 2 });
  return score > 0 ? `+${text}` : score < 0 ? `−${text}` : text;
}

function hideFindings(evaluation: Evaluation, hide: boolean): Evaluation {
  return hide ? { ...evaluation, findings: [] } : evaluation;
}
