import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import type { ColumnMapping, DateFormat, DecimalMark, JourneyMetrics, LogFormat, ReadProgress, StagedImport, SurveyMapping } from '@klantreis/analytics';
import { METRICS_PERIODS, type MetricsPeriod } from '@klantreis/analytics/names';
import { MEASURE_SCALES, type MeasureScale } from '@klantreis/evaluation/scales';
import type { JourneyStore } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import type { JourneyAnalytics } from '@klantreis/server/analytics';
import { CliError } from './cliError.ts';
import { addCsvDialectOptions } from './csvDialectOptions.ts';
import { formatDuration } from './logCommands.ts';
import { ProgressBar } from './progressBar.ts';

// `klantreis import-log`, `import-survey` and `metrics` work on the server's own data (the data
// folder or DATABASE_URL) through the same JourneyAnalytics as the API, so a file imported here
// is on the dashboard at once, and the same checks refuse the same files.

interface DialectOptions {
  delimiter?: string;
  decimal?: DecimalMark;
  encoding?: string;
  dateFormat?: DateFormat;
  skipRejected?: boolean;
  progress?: boolean;
  json?: boolean;
}

interface LogOptions extends DialectOptions {
  format?: LogFormat;
  case?: string;
  activity?: string;
  timestamp?: string;
  channel?: string;
  resource?: string;
  segment?: string;
}

interface SurveyOptions extends DialectOptions {
  scale?: MeasureScale;
  score?: string;
  case?: string;
  step?: string;
  scaleColumn?: string;
  comment?: string;
  timestamp?: string;
  lostMinutes?: string;
}

function addDialectOptions(command: Command): Command {
  return addCsvDialectOptions(command)
    .option('--skip-rejected', 'import the good rows when some are rejected, instead of refusing the file')
    .option('--progress', 'show progress on standard error even when it is not a terminal')
    .option('--json', 'print the import as JSON');
}

async function withAnalytics<T>(work: (store: JourneyStore, analytics: JourneyAnalytics) => Promise<T>): Promise<T> {
  const [{ configFromEnv }, { JourneyAnalytics }, { openStore }] = await Promise.all([import('@klantreis/server/config'), import('@klantreis/server/analytics'), import('@klantreis/db')]);
  const config = configFromEnv();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store, new JourneyAnalytics(store, join(config.dataDir, 'analytics')));
  } finally {
    await store.close();
  }
}

/** The journey as stored, migrated like an import if an older Klantreis wrote it. */
async function storedJourney(store: JourneyStore, journeyId: string): Promise<JourneyDocument> {
  const row = await store.getJourney(journeyId);
  if (!row || row.deletedAt !== null) throw new CliError(`no journey with id ${journeyId} (see: klantreis list)`);
  const { parseJourneyDocument } = await import('@klantreis/schema');
  const parsed = parseJourneyDocument(JSON.parse(row.snapshot));
  if (!parsed.ok) throw new CliError(`journey ${journeyId}: the stored snapshot is not valid: ${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`);
  return parsed.document;
}

function describeRejections(file: string, staged: StagedImport, limit = 20): string {
  const lines = staged.rejected.slice(0, limit).map((r) => `  ${file}:${r.line}: ${r.field === null ? '' : `field "${r.field}": `}${r.reason}`);
  const more = staged.rejectedCount - Math.min(limit, staged.rejected.length);
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines.join('\n');
}

/** Stages, checks and commits one file, the way the API does, reporting as a command-line tool should. */
async function importFile(
  journeyId: string,
  file: string,
  kind: 'events' | 'survey',
  options: DialectOptions,
  stage: (analytics: JourneyAnalytics, document: JourneyDocument, onProgress: (progress: ReadProgress) => void) => Promise<StagedImport>,
): Promise<void> {
  const [{ discardStagedImport, hashFileContent, LogImportError }, { DuplicateImportError }] = await Promise.all([import('@klantreis/analytics'), import('@klantreis/server/analytics')]);
  await withAnalytics(async (store, analytics) => {
    const document = await storedJourney(store, journeyId);
    const name = basename(file);
    let contentHash: string;
    try {
      contentHash = await hashFileContent(file);
    } catch (error) {
      throw new CliError(`${file}: ${(error as Error).message}`);
    }
    const earlier = await analytics.findDuplicate(journeyId, kind, contentHash);
    if (earlier) throw new CliError(`${file}: ${new DuplicateImportError(earlier).message}`);
    const bar = new ProgressBar(process.stderr, `${kind === 'events' ? 'reading' : 'reading answers'} ${name}`, options.progress === true);
    let staged: StagedImport;
    try {
      staged = await stage(analytics, document, (progress) => bar.report(progress));
    } catch (error) {
      bar.stop();
      if (error instanceof LogImportError) throw new CliError(`klantreis: ${error.message}`, 2);
      throw error;
    }
    bar.finish();
    if (staged.rejectedCount > 0 && options.skipRejected !== true) {
      await discardStagedImport(staged);
      throw new CliError(`klantreis: ${file}: ${staged.rejectedCount} line(s) rejected, nothing imported (--skip-rejected imports the good rows):\n${describeRejections(file, staged)}`, 2);
    }
    const record = await analytics.commit(journeyId, staged, { fileName: name, contentHash });
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      return;
    }
    if (staged.rejectedCount > 0) process.stderr.write(`skipped ${staged.rejectedCount} rejected line(s):\n${describeRejections(file, staged, 5)}\n`);
    const what = kind === 'events' ? `${record.rows} events of ${record.cases} cases` : `${record.rows} answers`;
    process.stdout.write(`imported ${what} from ${name} into journey ${journeyId} as ${record.id}\n`);
  });
}

const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
const seconds = (value: number | null): string => (value === null ? '-' : formatDuration(value));

export function formatMetrics(document: JourneyDocument, metrics: JourneyMetrics): string {
  const title = (stepId: string) => document.steps.find((s) => s.id === stepId)?.title || stepId;
  const rows = [
    ['step', 'reach', 'conversion', 'drop-off', 'wait p90', 'designed', 'repeats', 'score'],
    ...metrics.steps
      .filter((step) => step.activities.length > 0)
      .map((step) => [
        title(step.stepId),
        String(step.reach),
        percent(step.conversion),
        `${step.dropOff} (${percent(step.dropOffShare)})`,
        seconds(step.wait.measured.p90Seconds),
        step.wait.designedMinutes === null ? '-' : seconds(step.wait.designedMinutes * 60),
        String(step.repeatCases),
        step.survey.axisMean === null ? '-' : `${step.survey.axisMean.toFixed(2)} (n=${step.survey.n})`,
      ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const table = rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
  return [
    `Cases ${metrics.cases} of ${metrics.coverage.cases} · events mapped ${percent(metrics.coverage.share)} · completed ${percent(metrics.completionRate)}`,
    `Duration median ${seconds(metrics.duration.medianSeconds)}, p90 ${seconds(metrics.duration.p90Seconds)} · contacts per case ${metrics.contactsPerCase?.toFixed(1) ?? '-'} · ${metrics.variantCount} variants`,
    '',
    table,
  ].join('\n');
}

export function registerMeasurementCommands(program: Command): void {
  addDialectOptions(
    program
      .command('import-log')
      .argument('<journey-id>', 'the journey (see: klantreis list)')
      .argument('<file>', 'the event log: CSV, JSON Lines, XES, XES.gz or Parquet')
      .description('import an event log into a journey, with a progress bar; refused with every rejected line unless --skip-rejected')
      .addOption(new Option('--format <format>', 'the file format (detected when left out)').choices(['csv', 'jsonl', 'xes', 'parquet']))
      .option('--case <column>', 'column with the case id')
      .option('--activity <column>', 'column with the activity')
      .option('--timestamp <column>', 'column with the timestamp')
      .option('--channel <column>', 'column with the channel')
      .option('--resource <column>', 'column with the resource')
      .option('--segment <column>', 'column with the customer segment'),
  ).action(async (journeyId: string, file: string, options: LogOptions) => {
    const mapping: Partial<ColumnMapping> = { caseId: options.case, activity: options.activity, timestamp: options.timestamp, channel: options.channel, resource: options.resource, segment: options.segment };
    await importFile(journeyId, file, 'events', options, (analytics, _document, onProgress) =>
      analytics.stageEventLog(journeyId, file, { format: options.format, delimiter: options.delimiter, decimalMark: options.decimal, encoding: options.encoding, dateFormat: options.dateFormat, mapping }, onProgress),
    );
  });

  addDialectOptions(
    program
      .command('import-survey')
      .argument('<journey-id>', 'the journey (see: klantreis list)')
      .argument('<file>', 'survey answers as CSV: score, and optionally case or customer id, step (id, title, touchpoint or "journey"), scale, comment, timestamp, lost minutes')
      .description('import survey answers into a journey; refused with every rejected line unless --skip-rejected')
      .addOption(new Option('--scale <scale>', 'the scale of every score when the file has no scale column').choices(MEASURE_SCALES))
      .option('--score <column>', 'column with the score')
      .option('--case <column>', 'column with the case or customer id')
      .option('--step <column>', 'column with the step, touchpoint or "journey"')
      .option('--scale-column <column>', 'column with the scale of each score')
      .option('--comment <column>', 'column with the comment')
      .option('--timestamp <column>', 'column with the time of the answer')
      .option('--lost-minutes <column>', 'column with the minutes the respondent lost'),
  ).action(async (journeyId: string, file: string, options: SurveyOptions) => {
    const mapping: Partial<SurveyMapping> = {
      score: options.score,
      caseId: options.case,
      step: options.step,
      scale: options.scaleColumn,
      comment: options.comment,
      timestamp: options.timestamp,
      lostMinutes: options.lostMinutes,
    };
    await importFile(journeyId, file, 'survey', options, (analytics, document) =>
      analytics.stageSurvey(journeyId, file, document, { scale: options.scale, delimiter: options.delimiter, decimalMark: options.decimal, encoding: options.encoding, dateFormat: options.dateFormat, mapping }),
    );
  });

  program
    .command('metrics')
    .argument('<journey-id>', 'the journey (see: klantreis list)')
    .description('the measured figures of a journey: per step and for the journey, and the XLA status (the same as GET /api/journeys/:id/metrics)')
    .addOption(new Option('--period <period>', 'the period of the trends').choices(METRICS_PERIODS as readonly string[]).default('month'))
    .option('--variants <n>', 'how many real paths to list', '10')
    .option('--json', 'print JSON')
    .action(async (journeyId: string, options: { period: MetricsPeriod; variants: string; json?: boolean }) => {
      const variantLimit = Number(options.variants);
      if (!Number.isInteger(variantLimit) || variantLimit < 1) throw new CliError(`--variants must be a whole number of at least 1, got ${options.variants}`);
      await withAnalytics(async (store, analytics) => {
        const document = await storedJourney(store, journeyId);
        const measured = await analytics.measure(journeyId, document, { period: options.period, variantLimit });
        process.stdout.write(`${options.json === true ? JSON.stringify(measured, null, 2) : formatMetrics(document, measured.metrics)}\n`);
      });
    });
}
