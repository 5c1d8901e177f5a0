import { formatScore, RULE_NAMES, type Evaluation, type Locale } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';

// What `klantreis evaluate` prints for a person (without --json), in the journey's language.

const WORDS = {
  en: {
    title: (title: string) => `Evaluation of “${title}”`,
    remembered: 'Remembered score',
    mean: 'mean',
    figures: 'Start {start} · peak {peak} · trough {trough} · end {end} · slope {slope} per step',
    toBe: (score: string, count: number) => `To-be remembered score: ${score} (${count} step${count === 1 ? '' : 's'} with a target)`,
    noScores: 'No step has a score yet: there is no curve to evaluate.',
    findings: (count: number) => `Findings (${count})`,
    none: 'No findings.',
    steps: (count: number) => (count === 1 ? 'step' : 'steps'),
    severity: { critical: 'CRITICAL', warning: 'WARNING', info: 'INFO', positive: 'POSITIVE' },
  },
  nl: {
    title: (title: string) => `Beoordeling van “${title}”`,
    remembered: 'Herinnerde score',
    mean: 'gemiddelde',
    figures: 'Begin {start} · piek {peak} · dal {trough} · einde {end} · helling {slope} per stap',
    toBe: (score: string, count: number) => `Herinnerde score van de gewenste reis: ${score} (${count} ${count === 1 ? 'stap' : 'stappen'} met een doel)`,
    noScores: 'Nog geen enkele stap heeft een score: er is geen curve om te beoordelen.',
    findings: (count: number) => `Bevindingen (${count})`,
    none: 'Geen bevindingen.',
    steps: (count: number) => (count === 1 ? 'stap' : 'stappen'),
    severity: { critical: 'ERNSTIG', warning: 'WAARSCHUWING', info: 'INFO', positive: 'POSITIEF' },
  },
} as const;

/** The evaluation as a person reads it in a terminal: the figures, then every finding with its steps. */
export function formatEvaluationReport(journey: JourneyDocument, evaluation: Evaluation, locale: Locale): string {
  const words = WORDS[locale];
  const score = (value: number | null) => (value === null ? '–' : formatScore(value, locale));
  const stepName = new Map<string, string>(journey.steps.map((step, i) => [step.id, `${i + 1}. ${step.title.trim() || '…'}`]));
  const lines = [words.title(journey.journey.title), ''];
  const { peakEnd } = evaluation;
  if (peakEnd.remembered === null) lines.push(words.noScores);
  else {
    lines.push(`${words.remembered}: ${score(peakEnd.remembered)}  (${words.mean} ${score(peakEnd.mean)})`);
    lines.push(
      words.figures
        .replace('{start}', score(peakEnd.start))
        .replace('{peak}', score(peakEnd.peak))
        .replace('{trough}', score(peakEnd.trough))
        .replace('{end}', score(peakEnd.end))
        .replace('{slope}', score(peakEnd.slope)),
    );
  }
  lines.push(evaluation.model.explanation);
  if (evaluation.toBe) lines.push(words.toBe(score(evaluation.toBe.remembered), evaluation.toBe.targetCount));
  lines.push('', words.findings(evaluation.findings.length));
  if (evaluation.findings.length === 0) lines.push(`  ${words.none}`);
  for (const finding of evaluation.findings) {
    // The rule by its name in the journey's language, as the editor shows it; its id after it, for scripts and searching.
    lines.push('', `  ${words.severity[finding.severity].padEnd(13)}${RULE_NAMES[locale][finding.rule]} (${finding.rule})`, `  ${' '.repeat(13)}${finding.message}`);
    if (finding.stepIds.length > 0) lines.push(`  ${' '.repeat(13)}${words.steps(finding.stepIds.length)}: ${finding.stepIds.map((id) => stepName.get(id) ?? id).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
