import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { JourneyStore } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import type { ExportOptions, MeasuredStep } from '@klantreis/render';
import { EXPORT_FORMATS, PAPER_NAMES } from '@klantreis/render/names';
import { CliError } from './cliError.ts';

interface ExportCommandOptions {
  output?: string;
  format: string;
  paper: string;
  orientation: string;
  fit: string;
  findings: boolean;
  scale: string;
  hiddenLanes?: boolean;
}

/** The command's options as the export route takes them, or an error that names the option. */
async function exportOptions(options: ExportCommandOptions): Promise<ExportOptions> {
  const { exportOptionsSchema } = await import('@klantreis/render');
  const parsed = exportOptionsSchema.safeParse({
    format: options.format,
    paper: options.paper,
    orientation: options.orientation,
    fit: options.fit,
    findings: String(options.findings),
    scale: options.scale,
    hiddenLanes: String(options.hiddenLanes === true),
  });
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => `--${String(path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new CliError(parsed.error.issues.map((issue) => `${flag(issue.path)}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}

async function exportBody(journey: JourneyDocument, options: ExportOptions, measured: ReadonlyMap<string, MeasuredStep>): Promise<Buffer> {
  const { exportJourney, ImageTooLargeError } = await import('@klantreis/render');
  try {
    return (await exportJourney(journey, options, { measured })).body;
  } catch (error) {
    // A PNG past the size limit: its message names the scale that fits ("scale: at 4× …").
    if (error instanceof ImageTooLargeError) throw new CliError(`--${error.message}`);
    throw error;
  }
}

/**
 * The measured steps of a journey with imported data, as the export route and the editor get
 * them (JourneyAnalytics over the same data folder); none without imports, and none, with a
 * warning, when the measurement fails, so the map is still written.
 */
async function measuredSteps(store: JourneyStore, dataDir: string, journeyId: string, journey: JourneyDocument): Promise<ReadonlyMap<string, MeasuredStep>> {
  const { AnalyticsImportStore } = await import('@klantreis/db');
  if ((await new AnalyticsImportStore(store.db).list(journeyId)).length === 0) return new Map();
  const [{ JourneyAnalytics }, { measuredStepsFromMetrics }] = await Promise.all([import('@klantreis/server/analytics'), import('@klantreis/render')]);
  try {
    const { metrics } = await new JourneyAnalytics(store, join(dataDir, 'analytics')).measure(journeyId, journey, { period: 'month' });
    return measuredStepsFromMetrics(metrics.steps);
  } catch (error) {
    console.error(`warning: the map is written without its measured figures: ${(error as Error).message}`);
    return new Map();
  }
}

// The journey commands work on the same store as the server (the data folder or DATABASE_URL),
// so they also work while the server is stopped, for scripts and backups.

async function withStore<T>(work: (store: JourneyStore, dataDir: string) => Promise<T>): Promise<T> {
  const [{ configFromEnv }, { openStore }] = await Promise.all([import('@klantreis/server/config'), import('@klantreis/db')]);
  const config = configFromEnv();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store, config.dataDir);
  } finally {
    await store.close();
  }
}

export function registerJourneyCommands(program: Command): void {
  program
    .command('list')
    .description('list the journeys (id, steps, title)')
    .option('--json', 'print JSON')
    .option('--trash', 'list the journeys in the trash')
    .option('--search <text>', 'only journeys whose title contains this text')
    .action(async (options: { json?: boolean; trash?: boolean; search?: string }) => {
      // Title and steps from the stored updates, not the snapshot, which a server killed a
      // moment after an edit leaves behind (issue 9.6). The search goes by the stored title.
      const { journeyFromStore } = await import('@klantreis/server/snapshotRecovery');
      const journeys = await withStore(async (store) =>
        Promise.all(
          (await store.listJourneys({ trash: options.trash, search: options.search })).map(async (j) => {
            const current = await journeyFromStore(store, j.id);
            return { id: j.id, title: current?.journey.title ?? j.title, steps: current?.steps.length ?? j.summary.stepCount, updatedAt: new Date(j.updatedAt).toISOString() };
          }),
        ),
      );
      if (options.json) {
        console.log(JSON.stringify(journeys, null, 2));
        return;
      }
      for (const j of journeys) console.log(`${j.id}  ${String(j.steps).padStart(3)} steps  ${j.title}`);
    });

  program
    .command('export <id>')
    .description('write a journey: the open JSON format (default), or the map as svg, png, pdf, pptx, csv, xlsx or mermaid')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('-f, --format <format>', `json, ${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('--paper <size>', `pdf: ${PAPER_NAMES.join(', ')}`, 'A3')
    .option('--orientation <orientation>', 'pdf: portrait or landscape', 'landscape')
    .option('--fit <fit>', 'pdf: page (the whole map on one page) or tile (full size over several pages, with crop marks)', 'page')
    .option('--no-findings', 'pdf: leave out the pages with the findings of the evaluation')
    .option('--scale <n>', 'png: 1, 2 or 4', '2')
    .option('--hidden-lanes', 'include the lanes the map hides')
    .action(async (id: string, options: ExportCommandOptions) => {
      // From the stored updates: the snapshot may lack the last edits before a crash.
      const { journeyFromStore } = await import('@klantreis/server/snapshotRecovery');
      // A bad option is named before anything is read or measured.
      const drawing = options.format === 'json' ? null : await exportOptions(options);
      const read = await withStore(async (store, dataDir) => {
        const row = await store.getJourney(id);
        if (!row) return undefined;
        const journey = (await journeyFromStore(store, id)) ?? (JSON.parse(row.snapshot) as JourneyDocument);
        // The map's measured curve and figures, as the editor and the export route draw them.
        return { journey, measured: drawing ? await measuredSteps(store, dataDir, id, journey) : new Map<string, MeasuredStep>() };
      });
      if (!read) throw new CliError(`no journey with id ${id} (see: klantreis list)`);
      const { journey, measured } = read;
      const body = drawing ? await exportBody(journey, drawing, measured) : Buffer.from(`${JSON.stringify(journey, null, 2)}\n`);
      if (options.output) writeFileSync(options.output, body);
      else if (process.stdout.isTTY && ['png', 'pdf', 'pptx', 'xlsx'].includes(options.format)) throw new CliError(`a ${options.format} file is not for the terminal: add -o <file>`);
      else process.stdout.write(body);
    });

  program
    .command('import <file>')
    .description('import a journey from an open JSON file (older schema versions are migrated) or a Mermaid journey diagram (.mmd)')
    .option('--locale <nl|en>', 'Mermaid: the language of the new journey', 'nl')
    .action(async (file: string, options: { locale: string }) => {
      const [{ parseJourneyJson, randomKey }, { parseMermaidJourney }, { journeyToUpdate }] = await Promise.all([
        import('@klantreis/schema'),
        import('@klantreis/render/mermaid'),
        import('@klantreis/sync'),
      ]);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      if (/\.(mmd|mermaid)$/i.test(file)) {
        if (options.locale !== 'nl' && options.locale !== 'en') throw new CliError(`--locale: nl or en, not ${options.locale}`);
        const mermaid = parseMermaidJourney(text, { locale: options.locale, fileName: basename(file) });
        if (!mermaid.ok) throw new CliError([`${file}: not imported, ${mermaid.errors.length} problem(s):`, ...mermaid.errors.map((e) => `  ${e.message}`)].join('\n'));
        const id = randomKey(16);
        await withStore((store) => store.createJourney({ id, document: mermaid.document, state: journeyToUpdate(mermaid.document) }));
        console.log(id);
        return;
      }
      const parsed = parseJourneyJson(text);
      if (!parsed.ok) {
        throw new CliError([`${file}: not imported, ${parsed.issues.length} problem(s):`, ...parsed.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
      }
      const id = randomKey(16);
      await withStore((store) => store.createJourney({ id, document: parsed.document, state: journeyToUpdate(parsed.document) }));
      if (parsed.migrated.length > 0) console.error(`migrated: ${parsed.migrated.join(', ')}`);
      console.log(id);
    });

  program
    .command('templates')
    .description('list the journey templates')
    .option('--locale <nl|en>', 'language of the titles', 'nl')
    .option('--json', 'print JSON')
    .action(async (options: { locale: string; json?: boolean }) => {
      if (options.locale !== 'nl' && options.locale !== 'en') throw new CliError(`--locale must be nl or en, got ${options.locale}`);
      const { listTemplates } = await import('@klantreis/templates');
      const templates = listTemplates(options.locale);
      if (options.json) console.log(JSON.stringify(templates, null, 2));
      else for (const t of templates) console.log(`${t.id.padEnd(32)} ${String(t.stepCount).padStart(2)} steps  ${t.title}`);
    });
}
