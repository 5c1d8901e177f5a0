import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { JourneyDocument } from '@klantreis/schema';
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
    const { parseJourneyJson } = await import('@klantreis/schema');
    const parsed = parseJourneyJson(text);
    if (!parsed.ok) throw new CliError([`${source}: not a valid journey, ${parsed.issues.length} problem(s):`, ...parsed.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
    return parsed.document;
  }
  const [{ configFromEnv }, { openStore }, { parseJourneyDocument }] = await Promise.all([import('@klantreis/server/config'), import('@klantreis/db'), import('@klantreis/schema')]);
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
      const [{ evaluateJourney, ModelOptionError, modelFromOptions }, { formatEvaluationReport }] = await Promise.all([
        import('@klantreis/evaluation'),
        import('./evaluationReport.ts'),
      ]);
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
