import { createHash } from 'node:crypto';
import { evaluateJourney, orderJourney, type Evaluation } from '@klantreis/evaluation';
import { PortfolioStore, type JourneyStore, type PortfolioRow } from '@klantreis/db';
import { CURRENT_SCHEMA_VERSION, parseJourneyDocument, sortByIndex, type JourneyDocument, type JourneyKind, type JourneyStatus } from '@klantreis/schema';
import type { Opportunity } from '@klantreis/core/contracts';
import type { JourneyMeasurement } from './journeyAnalytics.ts';
import { designedRollup, measuredRollup, type DesignedRollup, type MeasuredRollup } from './journeyRollup.ts';

// The portfolio's figures per journey, kept in `journey_rollups` so that a portfolio of a
// thousand journeys neither evaluates a thousand snapshots nor opens a thousand imports in
// DuckDB per request. Two halves, each checked against its source when read:
// - designed: from the snapshot, valid while the journey's `updated_at` is the one it was
//   computed from (every saved snapshot moves it); recomputing is one evaluation, milliseconds;
// - measured: from the imports, valid while the digest of the import ids, the steps' activity
//   mapping and the XLA indicators is the one it was computed from; recomputing opens DuckDB,
//   so it is also refreshed in the background when an import is committed or deleted
//   (`changed(id, 'data')`) rather than by the next reader.
// A stale entry is therefore never served; the triggers only make the next read fast.

/** Bumped when the cached JSON changes shape: older rows are then recomputed. */
const CACHE_VERSION = 3;

/** An improvement action or open finding as cached, without what the portfolio adds (journey title, owner name of a finding). */
export type CachedOpportunity = Omit<Opportunity, 'journeyId' | 'journeyTitle' | 'rule'> & { rule: string | null };

/** A stage of this journey (when it is an experience map) and the journeys it links to. */
export interface CachedStageLink {
  stageId: string;
  stageName: string;
  /** 1 for the map's first stage. */
  stagePosition: number;
  journeyId: string;
}

/** What the portfolio needs of one journey's document, cached as JSON. */
export interface DesignedEntry {
  version: number;
  title: string;
  kind: JourneyKind;
  status: JourneyStatus;
  owner: string;
  ownerId: string | null;
  tags: string[];
  personas: string[];
  locale: 'nl' | 'en';
  stepCount: number;
  designed: DesignedRollup;
  links: CachedStageLink[];
  opportunities: CachedOpportunity[];
  /** The measured half of a journey without imports (its XLA without data), computed without DuckDB. */
  unmeasured: MeasuredRollup;
  /** The digest of what the measured half reads from the document: mapping and indicators. */
  mappingDigest: string;
}

export interface RollupEntry {
  id: string;
  title: string;
  workspaceId: string | null;
  updatedAt: number;
  designed: DesignedEntry;
  measured: MeasuredRollup;
}

/** Reads a journey's current document (live when open, else its snapshot) and measures it. */
export interface RollupSources {
  store: JourneyStore;
  /** The live document of a journey someone has open, fresher than its snapshot; undefined otherwise. */
  liveDocument?: (journeyId: string) => JourneyDocument | undefined;
  /** The document to measure (live or snapshot). */
  readDocument: (journeyId: string) => Promise<JourneyDocument>;
  /** `JourneyAnalytics.measure`; loaded only when a measured half must be recomputed. */
  measure: (journeyId: string, document: JourneyDocument) => Promise<JourneyMeasurement>;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/** What the measured half reads from the document, in display order (a wait's moment decides which wait is measured). */
function mappingDigest(document: JourneyDocument): string {
  const steps = orderJourney(document).steps.map(({ step }) => [step.id, step.activityPatterns, step.journeyEnd, step.wait]);
  return digest({ steps, indicators: document.indicators });
}

function measuredKey(entry: DesignedEntry, importIds: readonly string[]): string {
  return `${CACHE_VERSION}:${entry.mappingDigest}:${digest(importIds)}`;
}

/** The journey's actions, and its critical and warning findings that no action made from their rule covers. */
export function journeyOpportunities(document: JourneyDocument, evaluation: Evaluation): CachedOpportunity[] {
  const titleOf = new Map(document.steps.map((step) => [step.id as string, step.title]));
  const stepTitles = (ids: readonly string[]) => ids.map((id) => titleOf.get(id) ?? '');
  const actions: CachedOpportunity[] = document.actions.map((action) => ({
    source: 'action',
    id: action.id,
    rule: action.sourceRule,
    title: action.title,
    owner: action.owner,
    status: action.status,
    dueDate: action.dueDate,
    impact: action.impact,
    effort: action.effort,
    severity: null,
    stepIds: [...action.stepIds],
    stepTitles: stepTitles(action.stepIds),
  }));
  // An action covers a finding when it was made from the finding's rule and names one of its
  // steps (or no step: then it is about the rule wherever it fires).
  const covered = (rule: string, stepIds: readonly string[]) =>
    document.actions.some((a) => a.sourceRule === rule && (a.stepIds.length === 0 || a.stepIds.some((id) => stepIds.includes(id))));
  const findings: CachedOpportunity[] = evaluation.findings
    .filter((f) => (f.severity === 'critical' || f.severity === 'warning') && !covered(f.rule, f.stepIds))
    .map((f) => ({
      source: 'finding',
      id: `finding:${f.rule}:${f.stepIds[0] ?? 'journey'}`,
      rule: f.rule,
      title: f.message,
      owner: '',
      status: 'open',
      dueDate: null,
      impact: null,
      effort: null,
      severity: f.severity,
      stepIds: [...f.stepIds],
      stepTitles: stepTitles(f.stepIds),
    }));
  return [...actions, ...findings];
}

/** The stages of an experience map (its phases) and the journeys each links to, in the map's stage order. */
function stageLinks(document: JourneyDocument): CachedStageLink[] {
  const phases = sortByIndex(document.phases);
  const position = new Map(phases.map((phase, i) => [phase.id as string, { name: phase.name, position: i + 1 }]));
  return sortByIndex(document.links)
    .filter((link) => position.has(link.phaseId))
    .map((link) => ({ stageId: link.phaseId, stageName: position.get(link.phaseId)!.name, stagePosition: position.get(link.phaseId)!.position, journeyId: link.journeyId }))
    .sort((a, b) => a.stagePosition - b.stagePosition);
}

/** The cached designed half of one document. */
export function designedEntry(document: JourneyDocument): DesignedEntry {
  const evaluation = evaluateJourney(document);
  const { journey } = document;
  const personaNames = new Map(document.personas.map((persona) => [persona.id as string, persona.name]));
  return {
    version: CACHE_VERSION,
    title: journey.title,
    kind: journey.kind,
    status: journey.status,
    owner: journey.owner,
    ownerId: journey.ownerId,
    tags: [...journey.tags],
    personas: journey.personaIds.map((id) => personaNames.get(id)).filter((name): name is string => name !== undefined),
    locale: journey.locale,
    stepCount: document.steps.length,
    designed: designedRollup(document, evaluation),
    links: stageLinks(document),
    opportunities: journeyOpportunities(document, evaluation),
    unmeasured: measuredRollup(document, null),
    mappingDigest: mappingDigest(document),
  };
}

function documentFromSnapshot(journeyId: string, snapshot: string): JourneyDocument {
  const stored = JSON.parse(snapshot) as JourneyDocument;
  if (stored.schemaVersion === CURRENT_SCHEMA_VERSION) return stored;
  const migrated = parseJourneyDocument(stored);
  if (!migrated.ok) throw new Error(`journey ${journeyId}: stored snapshot cannot be migrated: ${migrated.issues[0]!.path}: ${migrated.issues[0]!.message}`);
  return migrated.document;
}

function parseCached<T extends { version?: number }>(json: string | null): T | null {
  if (json === null) return null;
  const value = JSON.parse(json) as T;
  return value.version === CACHE_VERSION ? value : null;
}

export class JourneyRollupCache {
  readonly portfolio: PortfolioStore;
  private readonly sources: RollupSources;
  /** The measured half being recomputed per journey, and the computation queued behind it. */
  private readonly running = new Map<string, Promise<MeasuredRollup>>();
  private readonly queued = new Map<string, Promise<MeasuredRollup>>();
  private warming = false;

  constructor(sources: RollupSources) {
    this.sources = sources;
    this.portfolio = new PortfolioStore(sources.store.db);
  }

  /** The roll-up of every row (from `PortfolioStore.journeysOfWorkspace`), recomputing what is stale. */
  async entries(rows: readonly PortfolioRow[]): Promise<RollupEntry[]> {
    const importIds = await this.portfolio.importIdsByJourney(rows.map((row) => row.id));
    const entries: RollupEntry[] = [];
    for (const row of rows) {
      const designed = await this.designedOf(row);
      const measured = await this.measuredOf(row, designed, importIds.get(row.id) ?? []);
      entries.push({ id: row.id, title: designed.title, workspaceId: row.workspaceId, updatedAt: row.updatedAt, designed, measured });
    }
    return entries;
  }

  private async designedOf(row: PortfolioRow): Promise<DesignedEntry> {
    const live = this.sources.liveDocument?.(row.id);
    // An open journey's live document may be ahead of its snapshot: computed, not cached.
    if (live) return designedEntry(live);
    const cached = row.rollup && row.rollup.sourceUpdatedAt === row.updatedAt ? parseCached<DesignedEntry>(row.rollup.designed) : null;
    if (cached) return cached;
    const snapshot = row.snapshot ?? (await this.sources.store.getJourney(row.id))?.snapshot;
    if (snapshot === undefined) throw new Error(`journey ${row.id} has no snapshot`);
    const entry = designedEntry(documentFromSnapshot(row.id, snapshot));
    await this.portfolio.saveDesigned(row.id, row.updatedAt, JSON.stringify(entry));
    return entry;
  }

  private async measuredOf(row: PortfolioRow, designed: DesignedEntry, importIds: readonly string[]): Promise<MeasuredRollup> {
    if (importIds.length === 0) return designed.unmeasured;
    const key = measuredKey(designed, importIds);
    if (row.rollup?.measuredKey === key && row.rollup.measured !== null) {
      const cached = parseCached<MeasuredRollup & { version: number }>(row.rollup.measured);
      if (cached) return cached;
    }
    return this.remeasure(row.id);
  }

  /**
   * Recomputes and keeps a journey's measured half (after an import was committed or deleted).
   * A computation already running may have read the imports before this change, so a new one
   * is queued behind it; callers that come while it waits share it.
   */
  remeasure(journeyId: string): Promise<MeasuredRollup> {
    const queued = this.queued.get(journeyId);
    if (queued) return queued;
    const running = this.running.get(journeyId);
    if (!running) return this.startMeasuring(journeyId);
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(journeyId);
        return this.startMeasuring(journeyId);
      });
    this.queued.set(journeyId, next);
    return next;
  }

  private startMeasuring(journeyId: string): Promise<MeasuredRollup> {
    const work = this.measureNow(journeyId).finally(() => {
      if (this.running.get(journeyId) === work) this.running.delete(journeyId);
    });
    this.running.set(journeyId, work);
    return work;
  }

  private async measureNow(journeyId: string): Promise<MeasuredRollup> {
    const document = await this.sources.readDocument(journeyId);
    const importIds = (await this.portfolio.importIdsByJourney([journeyId])).get(journeyId) ?? [];
    const designed = designedEntry(document);
    if (importIds.length === 0) return designed.unmeasured;
    let measured: MeasuredRollup;
    try {
      measured = measuredRollup(document, await this.sources.measure(journeyId, document));
    } catch (error) {
      // A journey whose imports cannot be read shows without measurement, as the export does;
      // it is not cached, so the next reader tries again.
      console.warn(`portfolio: journey ${journeyId} could not be measured: ${(error as Error).message}`);
      return designed.unmeasured;
    }
    const row = await this.sources.store.getJourney(journeyId);
    if (row) {
      await this.portfolio.saveDesigned(journeyId, row.updatedAt, JSON.stringify(designed));
      await this.portfolio.saveMeasured(journeyId, measuredKey(designed, importIds), JSON.stringify({ version: CACHE_VERSION, ...measured }));
    }
    return measured;
  }

  /**
   * Computes and keeps a journey's designed half from its stored snapshot (after the snapshot
   * was saved). When the edit changed what the measured half reads (the activity mapping, the
   * indicators), that is measured again in the background too.
   */
  async refreshDesigned(journeyId: string, waitForMeasurement = false): Promise<void> {
    const row = await this.sources.store.getJourney(journeyId);
    if (!row || row.deletedAt !== null) return;
    const designed = designedEntry(documentFromSnapshot(journeyId, row.snapshot));
    const [previousKey, importIds] = await Promise.all([this.portfolio.measuredKey(journeyId), this.portfolio.importIdsByJourney([journeyId])]);
    await this.portfolio.saveDesigned(journeyId, row.updatedAt, JSON.stringify(designed));
    const imports = importIds.get(journeyId) ?? [];
    if (imports.length === 0 || previousKey === measuredKey(designed, imports)) return;
    const measuring = this.remeasure(journeyId);
    if (waitForMeasurement) await measuring;
    else void measuring.catch(warnFailed(journeyId));
  }

  /**
   * A journey changed: its data (an import committed or deleted) is measured again in the
   * background; moved to or from the trash, its roll-up is forgotten. Content changes need
   * nothing: the next read sees the new `updated_at`.
   */
  changed(journeyId: string, change: 'content' | 'trash' | 'data'): void {
    if (change === 'trash') void this.portfolio.forget(journeyId).catch(warnFailed(journeyId));
    if (change === 'data') void this.remeasure(journeyId).catch(warnFailed(journeyId));
  }

  /**
   * Brings every journey's roll-up up to date in the background, one journey at a time,
   * after a start: the first portfolio after an upgrade (or a restore) is then as fast as the
   * next. `stopWarming` ends it at the next batch.
   */
  async warmUp(): Promise<number> {
    this.warming = true;
    const rows = await this.portfolio.allJourneys();
    let done = 0;
    for (const row of rows) {
      if (!this.warming) break;
      // A stale designed half is computed from the snapshot whether or not the journey is open
      // (an open one is read live, which is never cached); a fresh one has its measured half checked.
      if (row.rollup?.sourceUpdatedAt !== row.updatedAt) await this.refreshDesigned(row.id, true);
      else await this.entries([row]);
      done++;
      // Let requests in between journeys.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.warming = false;
    return done;
  }

  stopWarming(): void {
    this.warming = false;
  }

  /** Waits for the background work of every journey (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running.values(), ...this.queued.values()]);
  }
}

function warnFailed(journeyId: string) {
  return (error: unknown) => console.warn(`portfolio: roll-up of journey ${journeyId} not refreshed: ${(error as Error).message}`);
}
