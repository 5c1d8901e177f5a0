import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '@klantreis/db';
import { evaluateJourney, formatScore, ModelOptionError, modelFromOptions, type Evaluation, type Locale } from '@klantreis/evaluation';
import { parseJourneyDocument, parseJourneyJson, type JourneyDocument } from '@klantreis/schema';
import { configFromEnv } from '@klantreis/server';
import { CliError } from './cliError.ts';

// `klantreis evaluate` gives the same answer as GET /api/journeys/:id/evaluation: both call
// evaluateJourney on the journey in the open format, so --json prints the API's object.

interface EvaluateOptions {
  json?: boolean;
  locale?: string;
  model?: string;
  start?: string;
  peak?: string;
  end?: string;
}

/** A path to an exported file, or the id of a journey in the store (the data folder or DATABASE_URL). */
async function loadJourney(source: string): Promise<JourneyDocument> {
  if (existsSync(source) || source.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new CliError(`${source}: ${(error as Error).message}`);
    }
    const parsed = parseJourneyJson(text);
    if (!parsed.ok) throw new CliError([`${source}: not a valid journey, ${parsed.issues.length} problem(s):`, ...parsed.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
    return parsed.document;
  }
  const config = configFromEnv();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const row = await store.getJourney(source);
    if (!row) throw new CliError(`no journey with id ${source} and no file by that name (see: klantreis list)`);
    // A snapshot stored by an older Klantreis is migrated as an import would be.
    const parsed = parseJourneyDocument(JSON.parse(row.snapshot));
    if (!parsed.ok) throw new CliError(`journey ${source}: the stored snapshot is not valid: ${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`);
    return parsed.document;
  } finally {
    await store.close();
  }
}

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
    lines.push('', `  ${words.severity[finding.severity].padEnd(13)}${finding.rule}`, `  ${' '.repeat(13)}${finding.message}`);
    if (finding.stepIds.length > 0) lines.push(`  ${' '.repeat(13)}${words.steps(finding.stepIds.length)}: ${finding.stepIds.map((id) => stepName.get(id) ?? id).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate <journey>')
    .description('evaluate a journey (its id, or an exported .json file): remembered score, findings and the steps they concern')
    .option('--json', 'print the same JSON as GET /api/journeys/:id/evaluation')
    .option('--locale <nl|en>', 'language of the messages (default: the language of the journey)')
    .option('--model <peak-end|mean|weighted>', 'how the remembered score is computed', 'peak-end')
    .option('--start <weight>', 'weighted model: weight of the first step (default 1)')
    .option('--peak <weight>', 'weighted model: weight of the most intense step (default 1)')
    .option('--end <weight>', 'weighted model: weight of the last step (default 2)')
    .action(async (source: string, options: EvaluateOptions) => {
      if (options.locale !== undefined && options.locale !== 'nl' && options.locale !== 'en') throw new CliError(`--locale must be nl or en, got ${options.locale}`);
      let model;
      try {
        model = modelFromOptions(options);
      } catch (error) {
        if (error instanceof ModelOptionError) throw new CliError(`--${error.message}`);
        throw error;
      }
      const journey = await loadJourney(source);
      const locale = options.locale ?? journey.journey.locale;
      const evaluation = evaluateJourney(journey, { locale, model });
      process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluationReport(journey, evaluation, locale));
    });
}
