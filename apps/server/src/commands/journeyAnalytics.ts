import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildImportIndex,
  buildJourneyIndex,
  commitStagedImport,
  discardStagedImport,
  evaluateXla,
  importIndexDirectory,
  JourneyAnalysis,
  journeyMetrics,
  partialIndexesOf,
  readImportIndex,
  readJourneyIndex,
  stageEventLog,
  stageSurvey,
  stepResolverFor,
  type AnalysedStep,
  type AnalyticsDatabaseOptions,
  type JourneyIndex,
  type JourneyMetrics,
  type LoadLogOptions,
  type MetricsPeriod,
  type ReadProgress,
  type StagedImport,
  type SurveyReadOptions,
  type XlaEvaluation,
} from '@klantreis/analytics';
import { MAX_VARIANTS } from '@klantreis/core/contracts';
import { AnalyticsImportStore, type AnalyticsImport, type AnalyticsImportKind, type JourneyStore } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import { HttpError } from '../httpError.ts';

export type EventLogImportOptions = Omit<LoadLogOptions, 'partsDirectory' | 'onRejected' | 'onProgress' | 'database'>;
export type SurveyImportOptions = Omit<SurveyReadOptions, 'resolveStep'>;

/** An import refused as a whole: the same content was imported before for this journey. */
export class DuplicateImportError extends Error {
  readonly earlier: AnalyticsImport;
  constructor(earlier: AnalyticsImport) {
    super(`this file was imported before, on ${new Date(earlier.createdAt).toISOString()} as ${earlier.fileName} (import ${earlier.id}); nothing was imported`);
    this.name = 'DuplicateImportError';
    this.earlier = earlier;
  }
}

export interface JourneyMeasurement {
  metrics: JourneyMetrics;
  xla: XlaEvaluation;
  imports: AnalyticsImport[];
}

/**
 * A journey's measured data: imports (event logs, survey answers) as Parquet under
 * `<analyticsDir>/<journey>/<kind>/<import>/`, recorded in the database; the journey index
 * (journeyIndex.ts): an event import's own, built by its staging, while the journey has one, and
 * beside them one of all its event imports, rebuilt when that set changes; and the metrics
 * and XLA status computed from both and the journey's current activity mapping, with the tables
 * of the last mapping kept in `metrics-cache/` (journeyTablesCache.ts).
 */
export class JourneyAnalytics {
  readonly analyticsDir: string;
  readonly imports: AnalyticsImportStore;
  private readonly database: AnalyticsDatabaseOptions;
  /** Per journey, the end of the queue of work on its index. */
  private readonly queues = new Map<string, Promise<void>>();
  /**
   * The last measurements, by everything they are computed from (`measurementKey`), oldest
   * first: every editor of a journey asks again when its mapping changes (useMeasurement), so in
   * a workshop of twenty one change brought twenty identical computations (45-65 ms of the
   * server each, for a 14-step map without any import). Requests that ask at once share one.
   */
  private readonly measured = new Map<string, Promise<JourneyMeasurement>>();
  /** Per journey, how many measurements were computed rather than shared or remembered. */
  private readonly computed = new Map<string, number>();

  /** How many measurements of the journey were computed rather than shared or remembered. */
  computedMeasurements(journeyId: string): number {
    return this.computed.get(journeyId) ?? 0;
  }

  constructor(store: JourneyStore, analyticsDir: string, database: AnalyticsDatabaseOptions = {}) {
    this.analyticsDir = analyticsDir;
    this.imports = new AnalyticsImportStore(store.db);
    this.database = database;
  }

  journeyDirectory(journeyId: string): string {
    return join(this.analyticsDir, encodeURIComponent(journeyId));
  }

  importDirectory(journeyId: string, kind: AnalyticsImportKind, importId: string): string {
    return join(this.journeyDirectory(journeyId), kind, importId);
  }

  /** The index of a journey's event imports when it has several (one import carries its own). */
  private combinedIndexDirectory(journeyId: string): string {
    return join(this.journeyDirectory(journeyId), 'index');
  }

  /** A fresh staging folder inside the journey's folder, so that committing is a rename. */
  stagingDirectory(journeyId: string): string {
    return join(this.journeyDirectory(journeyId), 'staging', randomUUID());
  }

  async findDuplicate(journeyId: string, kind: AnalyticsImportKind, contentHash: string): Promise<AnalyticsImport | undefined> {
    return this.imports.findByContent(journeyId, kind, contentHash);
  }

  stageEventLog(journeyId: string, file: string, options: EventLogImportOptions, onProgress?: (progress: ReadProgress) => void): Promise<StagedImport> {
    return stageEventLog(file, { ...options, directory: this.stagingDirectory(journeyId), onProgress, database: this.database });
  }

  stageSurvey(journeyId: string, file: string, document: JourneyDocument, options: SurveyImportOptions): Promise<StagedImport> {
    return stageSurvey(file, { ...options, resolveStep: stepResolverFor(document.steps), directory: this.stagingDirectory(journeyId), database: this.database });
  }

  /** Keeps a staged import: its folder moves into place and a row records it. A duplicate is refused and discarded. */
  async commit(journeyId: string, staged: StagedImport, source: { fileName: string; contentHash: string }): Promise<AnalyticsImport> {
    const rows = staged.kind === 'events' ? staged.events : staged.responses;
    if (rows === 0) {
      await discardStagedImport(staged);
      throw new HttpError(400, `${source.fileName}: nothing to import: no row was accepted (${staged.rejectedCount} rejected)`, [{ path: 'file', message: 'has no rows to import' }]);
    }
    const earlier = await this.findDuplicate(journeyId, staged.kind, source.contentHash);
    if (earlier) {
      await discardStagedImport(staged);
      throw new DuplicateImportError(earlier);
    }
    const details =
      staged.kind === 'events'
        ? { format: staged.summary.format, columns: staged.summary.columns, mapping: staged.summary.mapping, detected: staged.summary.detected, activities: staged.activities.length }
        : { columns: staged.summary.columns, mapping: staged.summary.mapping, detected: staged.summary.detected, journeyResponses: staged.journeyResponses, stepResponses: staged.stepResponses };
    // Files first, then the row: a crash in between leaves a folder no row names, which
    // nothing reads and the next start removes (sweepInterruptedImports). The other order left
    // a row whose folder was missing, and the journey's metrics failed until it was deleted.
    const id = AnalyticsImportStore.newId();
    const target = this.importDirectory(journeyId, staged.kind, id);
    try {
      await commitStagedImport(staged, target);
    } catch (error) {
      await discardStagedImport(staged);
      throw error;
    }
    let record: AnalyticsImport;
    try {
      record = await this.imports.add({
        id,
        journeyId,
        kind: staged.kind,
        fileName: source.fileName,
        contentHash: source.contentHash,
        rows: staged.kind === 'events' ? staged.events : staged.responses,
        rejected: staged.rejectedCount,
        cases: staged.kind === 'events' ? staged.cases : null,
        firstAt: staged.firstTimestamp,
        lastAt: staged.lastTimestamp,
        details,
      });
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      throw error;
    }
    return record;
  }

  /**
   * At start-up: removes what interrupted imports and index builds left (staging folders, import
   * folders no row names: a crash between moving the files and writing the row, and the folders
   * an index was being built in: a crash before the rename). Returns how many.
   * `olderThanMs`: with several processes on one data folder, what another process is importing
   * or indexing right now looks interrupted too; only what has not changed for this long is removed.
   */
  async sweepInterruptedImports(options: { olderThanMs?: number } = {}): Promise<number> {
    const before = Date.now() - (options.olderThanMs ?? 0);
    let removed = 0;
    const remove = async (path: string) => {
      const changedAt = await stat(path).then((stats) => stats.mtimeMs, () => 0);
      if (options.olderThanMs !== undefined && changedAt > before) return;
      await rm(path, { recursive: true, force: true });
      removed++;
    };
    const entriesOf = (folder: string) => readdir(folder).catch(() => [] as string[]);
    let journeys: string[];
    try {
      journeys = await readdir(this.analyticsDir);
    } catch {
      return 0; // no analytics folder yet
    }
    for (const folder of journeys) {
      const journeyId = decodeURIComponent(folder);
      const known = new Set((await this.imports.list(journeyId)).map((record) => record.id));
      for (const partial of await partialIndexesOf(this.combinedIndexDirectory(journeyId))) await remove(partial);
      for (const part of ['staging', 'events', 'survey']) {
        const parent = join(this.analyticsDir, folder, part);
        for (const entry of await entriesOf(parent)) {
          if (part === 'staging' || !known.has(entry)) {
            await remove(join(parent, entry));
            continue;
          }
          // An import's own index is built into its folder when it is first measured.
          for (const partial of await partialIndexesOf(importIndexDirectory(join(parent, entry)))) await remove(partial);
        }
      }
    }
    return removed;
  }

  async deleteImport(journeyId: string, importId: string): Promise<boolean> {
    const record = await this.imports.get(journeyId, importId);
    if (!record) return false;
    await this.imports.delete(journeyId, importId);
    // In the journey's queue: work queued before, which may still read this import, runs first;
    // work queued after sees the imports without it.
    await this.inQueue(journeyId, async () => {
      await rm(this.importDirectory(journeyId, record.kind, record.id), { recursive: true, force: true });
      // The index of the journey's imports held this one's events: no set of imports is left that
      // it fits (with one import left, that import's own index is read).
      if (record.kind === 'events') await rm(this.combinedIndexDirectory(journeyId), { recursive: true, force: true });
      return { answer: undefined };
    });
    return true;
  }

  /** Removes every file of a journey; its rows go with the journey's own (foreign key cascade). */
  async removeJourney(journeyId: string): Promise<void> {
    // After the work queued on the journey: it may be writing the metrics cache into the folder.
    await this.inQueue(journeyId, async () => {
      await rm(this.journeyDirectory(journeyId), { recursive: true, force: true });
      return { answer: undefined };
    });
    const ofJourney = `${JSON.stringify([journeyId]).slice(0, -1)},`;
    for (const key of [...this.measured.keys()]) if (key.startsWith(ofJourney)) this.measured.delete(key);
    this.computed.delete(journeyId);
  }

  /**
   * The journey index of these event imports, built first when they changed. Called in the
   * journey's queue (inQueue): work on one journey runs one at a time, so an index is never
   * rebuilt or removed while it is being read.
   */
  private async indexOf(journeyId: string, eventImports: readonly AnalyticsImport[]): Promise<JourneyIndex> {
    const directories = eventImports.map((record) => this.importDirectory(journeyId, 'events', record.id));
    const directory = this.combinedIndexDirectory(journeyId);
    // One import: the index it built of its own events. Several: one index of them all, since a
    // case can run across imports, merged from their own indexes (buildJourneyIndex).
    return directories.length === 1
      ? this.importIndex(directories[0]!)
      : ((await readJourneyIndex(directory, directories)) ?? this.buildCombinedIndex(directories, directory));
  }

  /**
   * Runs `work` after the work queued on this journey before it. What `work` leaves to finish
   * after its answer (`afterwards`) holds up the next work on the journey, not the caller.
   */
  private async inQueue<T>(journeyId: string, work: () => Promise<{ answer: T; afterwards?: Promise<void> }>): Promise<T> {
    const previous = this.queues.get(journeyId) ?? Promise.resolve();
    const next = previous.then(work);
    // The queue goes on after a failure; the caller gets the failure.
    const settled = next.then((done) => done.afterwards).then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(journeyId, settled);
    void settled.then(() => {
      if (this.queues.get(journeyId) === settled) this.queues.delete(journeyId);
    });
    return (await next).answer;
  }

  /**
   * The index an event import carries of its own events, built into its folder when it has none:
   * an import made before imports built one, or whose index an older version wrote.
   */
  private async importIndex(importDirectory: string): Promise<JourneyIndex> {
    return (await readImportIndex(importDirectory)) ?? (await buildImportIndex(importDirectory, this.database));
  }

  private async buildCombinedIndex(importDirectories: readonly string[], directory: string): Promise<JourneyIndex> {
    for (const importDirectory of importDirectories) await this.importIndex(importDirectory);
    return buildJourneyIndex(importDirectories, directory, this.database);
  }

  /**
   * Every step and journey metric and the XLA status, from the imports and the journey as it is
   * now. The answer may be shared with other callers: do not change it.
   */
  async measure(journeyId: string, document: JourneyDocument, options: { period?: MetricsPeriod; variantLimit?: number } = {}): Promise<JourneyMeasurement> {
    const imports = await this.imports.list(journeyId);
    // journeyMetrics's default period, stated: asked with or without it, it is one measurement.
    // The variants are computed as many as anyone may ask for and cut to the number asked.
    const period = options.period ?? 'month';
    const variantLimit = options.variantLimit ?? 10;
    const key = measurementKey(journeyId, imports, document, period);
    let measuring = this.measured.get(key);
    if (measuring) {
      // The most recent last, so that the oldest is the one forgotten.
      this.measured.delete(key);
      this.measured.set(key, measuring);
    } else {
      measuring = this.remember(key, this.computeMeasurement(journeyId, document, { period, variantLimit: MAX_VARIANTS }));
    }
    const answer = await measuring;
    return answer.metrics.variants.length <= variantLimit ? answer : { ...answer, metrics: { ...answer.metrics, variants: answer.metrics.variants.slice(0, variantLimit) } };
  }

  /**
   * Keeps a measurement being computed for the requests that ask meanwhile and after, and
   * returns what they share; not once it failed (the next request tries again), nor when it is
   * large (a log of thousands of activities lists them all), so that what is kept stays within
   * REMEMBERED_MEASUREMENTS times REMEMBERED_MAX_CHARACTERS.
   */
  private remember(key: string, measuring: Promise<JourneyMeasurement>): Promise<JourneyMeasurement> {
    // Under the tests, a caller that changes the shared answer fails at once instead of
    // corrupting what the next caller gets.
    if (process.env.VITEST) measuring = measuring.then(deepFrozen);
    this.measured.set(key, measuring);
    if (this.measured.size > REMEMBERED_MEASUREMENTS) this.measured.delete(this.measured.keys().next().value!);
    const forget = () => {
      if (this.measured.get(key) === measuring) this.measured.delete(key);
    };
    measuring.then((answer) => {
      if (JSON.stringify(answer).length > REMEMBERED_MAX_CHARACTERS) forget();
    }, forget);
    return measuring;
  }

  private async computeMeasurement(journeyId: string, document: JourneyDocument, options: { period?: MetricsPeriod; variantLimit?: number }): Promise<JourneyMeasurement> {
    this.computed.set(journeyId, this.computedMeasurements(journeyId) + 1);
    const cache = join(this.journeyDirectory(journeyId), 'metrics-cache');
    return this.inQueue(journeyId, async () => {
      // The imports as they are when the work's turn comes: one deleted after the caller listed
      // them is gone from the disk by then (deleteImport removes its files in this queue).
      const imports = await this.imports.list(journeyId);
      const surveys = imports.filter((i) => i.kind === 'survey').map((i) => this.importDirectory(journeyId, 'survey', i.id));
      const index = await this.indexOf(journeyId, imports.filter((i) => i.kind === 'events'));
      const analysis = await JourneyAnalysis.open(index, surveys, document.steps, this.database, cache);
      try {
        const metrics = await journeyMetrics(analysis, options);
        const xla = await evaluateXla(analysis, document.indicators);
        // A new mapping's tables are kept for the next opening of the dashboard once this answer
        // is on its way. The cache is only a shortcut: when writing fails, the next opening builds them.
        const afterwards = analysis
          .saveToCache(cache)
          .catch(() => undefined)
          .finally(() => analysis.close());
        return { answer: { metrics, xla, imports }, afterwards };
      } catch (error) {
        analysis.close();
        throw error;
      }
    });
  }
}

/** How many measurements `measure` keeps, and how large each may be as JSON (a 200-step map's is about 130 KB). */
const REMEMBERED_MEASUREMENTS = 32;
const REMEMBERED_MAX_CHARACTERS = 1_000_000;

/**
 * Everything a measurement is computed from: the journey's imports (an import's data never
 * changes; a new or deleted one changes the list), what the analysis reads of each step, in
 * order (AnalysedStep), the XLA's indicators and the period. Nothing in it depends on the time.
 */
function measurementKey(journeyId: string, imports: readonly AnalyticsImport[], document: JourneyDocument, period: MetricsPeriod): string {
  const steps = document.steps.map(({ id, title, activityPatterns, journeyEnd, wait, score, touchpoints }): AnalysedStep => ({ id, title, activityPatterns, journeyEnd, wait, score, touchpoints }));
  return JSON.stringify([journeyId, imports, steps, document.indicators, period]);
}

function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}
