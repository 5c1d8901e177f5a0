// Computes an experience map's roll-up for one caller and keeps it live. The figures of each
// linked journey (journeyRollup's designed and measured halves, the portfolio's) are cached
// until that journey changes (JourneyChangeSignal), so a change in
// one of 480 linked journeys recomputes one journey, not 480: reading and evaluating every
// linked journey again took far longer than the 100 ms an open map may wait
// (bench/experience/README.md has both).
import { allow, type Actor, type AccessStore, type ExperienceRollup, type LinkedJourneyRollup } from '@klantreis/core';
import type { JourneyStore } from '@klantreis/db';
import type { JourneyDocument, JourneyKind, LinkRecord } from '@klantreis/schema';
import type { JourneyAnalytics } from './journeyAnalytics.ts';
import type { JourneyDocuments } from './journeyDocuments.ts';
import type { JourneyChange, JourneyChangeSignal } from './journeyChangeSignal.ts';
import { orderJourney } from '@klantreis/evaluation';
import { combineRollup, designedRollup, measuredRollup, type JourneyRollup, type MeasuredRollup } from './journeyRollup.ts';
import { rollUpStages } from './stageRollup.ts';

/**
 * How long an open stream trusts what it read of the caller's access to the linked journeys
 * when nothing says it changed; a share, a role or a membership changed is told at once
 * (accessChanged).
 */
const VISIBILITY_TTL_MS = 10_000;

interface CachedJourney {
  title: string;
  kind: JourneyKind;
  phaseNames: Map<string, string>;
  measured: { key: string; figures: MeasuredRollup };
  figures: JourneyRollup;
  /** The journey changed since: computed again when next asked for, its measured figures reused when their key still fits. */
  stale: boolean;
}

/** The journeys a caller may see in the map's workspace: open ones, and those in the trash. */
interface Visibility {
  open: Set<string>;
  trashed: Set<string>;
}

export interface ExperienceStream {
  /** Stops listening. */
  close(): void;
}

export class ExperienceRollups {
  private readonly store: JourneyStore;
  private readonly documents: JourneyDocuments;
  private readonly analytics: JourneyAnalytics;
  private readonly access: AccessStore;
  private readonly signal: JourneyChangeSignal;
  private readonly cache = new Map<string, CachedJourney>();
  /** A journey's figures being computed, so that concurrent readers share one computation. */
  private readonly computing = new Map<string, Promise<CachedJourney>>();
  /** Raised on every change of a journey; a computation that started before keeps its result to itself. */
  private readonly generation = new Map<string, number>();
  /** Naive mode for the bench's comparison: nothing is cached. */
  private readonly cached: boolean;
  /** The open streams of people, told when their access changes. */
  private readonly watchers = new Set<{ userId: string; accessChanged(): void }>();

  constructor(deps: { store: JourneyStore; documents: JourneyDocuments; analytics: JourneyAnalytics; access: AccessStore; signal: JourneyChangeSignal; cached?: boolean }) {
    this.store = deps.store;
    this.documents = deps.documents;
    this.analytics = deps.analytics;
    this.access = deps.access;
    this.signal = deps.signal;
    this.cached = deps.cached ?? true;
    this.signal.listen((journeyId) => this.forget(journeyId));
  }

  /** The roll-up of `mapId` as `actor` may see it. */
  async rollup(mapId: string, actor: Actor): Promise<ExperienceRollup> {
    const map = await this.documents.read(mapId);
    return this.build(mapId, map, await this.visibility(mapId, actor));
  }

  /**
   * The journeys `journeyId` may link to (a stage's journeys, a step's sub-journey): those the
   * actor may see in its workspace, itself left out, by title.
   */
  async linkable(journeyId: string, actor: Actor): Promise<{ id: string; title: string; kind: JourneyKind }[]> {
    const scope = actor.kind === 'user' ? await this.access.journeyScope(actor.userId) : undefined;
    const inWorkspace = await this.workspaceFilter(journeyId);
    const rows = inWorkspace(await this.store.listJourneys({ visibleTo: scope }));
    return rows
      .filter((row) => row.id !== journeyId)
      .map((row) => ({ id: row.id, title: row.title, kind: row.summary.kind ?? 'journey' }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /**
   * Sends the roll-up now and again after every change of the map or of a journey it links;
   * changes that arrive while one is computed are taken together in the next.
   */
  /**
   * A person's access changed (a share, a role, a membership, signed out everywhere): each of
   * their open streams reads it again at once, and one that may no longer read its map ends.
   */
  accessChanged(userId: string): void {
    for (const watcher of this.watchers) if (watcher.userId === userId) watcher.accessChanged();
  }

  /**
   * `stillSignedIn` asks again whether the session or token the stream was opened with is valid
   * (signed out everywhere, a token revoked): asked when the person's access changes.
   */
  stream(
    mapId: string,
    actor: Actor,
    send: (rollup: ExperienceRollup) => void,
    onError: (error: Error) => void,
    onRevoked: () => void = () => undefined,
    stillSignedIn: () => Promise<boolean> = () => Promise.resolve(true),
  ): ExperienceStream {
    let watched = new Set<string>([mapId]);
    let visibility: Visibility | null = null;
    let visibilityAt = 0;
    // Raised when the person's access changes: a read of their access begun before is not kept.
    let accessGeneration = 0;
    let running = false;
    let again = false;
    let closed = false;
    const refresh = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          // Who may see which journey changes rarely (a share, a trash): read again on a trash
          // or restore, and otherwise at most every VISIBILITY_TTL_MS.
          if (!visibility || performance.now() - visibilityAt > VISIBILITY_TTL_MS) {
            const generation = accessGeneration;
            visibilityAt = performance.now();
            const read = await this.visibility(mapId, actor);
            // The access changed while it was read: read again (the change asked for a refresh).
            if (generation !== accessGeneration) {
              again = true;
              continue;
            }
            visibility = read;
          }
          const map = await this.documents.read(mapId);
          watched = new Set([mapId, ...map.links.map((link) => link.journeyId)]);
          const rollup = await this.build(mapId, map, visibility);
          if (!closed && !again) send(rollup);
        } while (again && !closed);
      } catch (error) {
        if (!closed) onError(error as Error);
      } finally {
        running = false;
      }
    };
    const stop = this.signal.listen((journeyId: string, change: JourneyChange) => {
      if (closed || !watched.has(journeyId)) return;
      if (change === 'trash') visibility = null;
      void refresh();
    });
    const watcher = {
      userId: actor.kind === 'user' ? actor.userId : '',
      accessChanged: () => {
        visibility = null;
        accessGeneration++;
        Promise.all([stillSignedIn(), this.mayRead(mapId, actor)])
          .then(([signedIn, may]) => signedIn && may)
          .then(
          (may) => {
            if (closed) return;
            if (may) void refresh();
            else onRevoked();
          },
          (error: unknown) => !closed && onError(error as Error),
        );
      },
    };
    if (actor.kind === 'user') this.watchers.add(watcher);
    void refresh();
    const watchers = this.watchers;
    return {
      close() {
        closed = true;
        watchers.delete(watcher);
        stop();
      },
    };
  }

  private forget(journeyId: string): void {
    this.generation.set(journeyId, (this.generation.get(journeyId) ?? 0) + 1);
    // A computation that started before this change must not be handed to later readers.
    this.computing.delete(journeyId);
    const cached = this.cache.get(journeyId);
    // The measured figures stay: a new key (imports, mapping) replaces them, a score change does not.
    if (cached) cached.stale = true;
  }

  /** Whether `actor` may still read the map (the route checked it when the stream began). */
  private async mayRead(mapId: string, actor: Actor): Promise<boolean> {
    if (actor.kind !== 'user') return true;
    return allow(actor, 'journey.read', await this.access.roleOnJourney(actor.userId, mapId));
  }

  private async visibility(mapId: string, actor: Actor): Promise<Visibility> {
    const scope = actor.kind === 'user' ? await this.access.journeyScope(actor.userId) : undefined;
    const inWorkspace = await this.workspaceFilter(mapId);
    const [open, trashed] = await Promise.all([this.store.listJourneys({ visibleTo: scope }), this.store.listJourneys({ trash: true, visibleTo: scope })]);
    return { open: new Set(inWorkspace(open).map((row) => row.id)), trashed: new Set(inWorkspace(trashed).map((row) => row.id)) };
  }

  /** Keeps the listed journeys of `journeyId`'s workspace. */
  private async workspaceFilter(journeyId: string): Promise<<T extends { workspaceId: string | null }>(rows: readonly T[]) => T[]> {
    const workspaceId = (await this.access.workspaceOfJourney(journeyId)) ?? null;
    // A journey without a workspace (the samples seeded at the first start) counts as the first workspace's.
    const firstWorkspaceId = (await this.access.firstWorkspace())?.id ?? null;
    return (rows) => rows.filter((row) => (row.workspaceId ?? firstWorkspaceId) === workspaceId);
  }

  private async build(mapId: string, map: JourneyDocument, visibility: Visibility): Promise<ExperienceRollup> {
    const ids = [...new Set(map.links.map((link) => link.journeyId))].filter((id) => visibility.open.has(id) && id !== mapId);
    const journeys = new Map(await Promise.all(ids.map(async (id) => [id, await this.journey(id).catch(() => null)] as const)));
    return rollUpStages(map, mapId, (link) => linkView(link, visibility, journeys.get(link.journeyId) ?? null));
  }

  /** A journey's figures: cached while it has not changed, else computed (once for all who ask at the same time). */
  private async journey(journeyId: string): Promise<CachedJourney> {
    const cached = this.cache.get(journeyId);
    if (this.cached && cached && !cached.stale) return cached;
    const running = this.computing.get(journeyId);
    if (running) return running;
    const generation = this.generation.get(journeyId) ?? 0;
    const computation = this.compute(journeyId, cached).finally(() => this.computing.delete(journeyId));
    this.computing.set(journeyId, computation);
    const result = await computation;
    if ((this.generation.get(journeyId) ?? 0) === generation) this.cache.set(journeyId, result);
    return result;
  }

  private async compute(journeyId: string, previous: CachedJourney | undefined): Promise<CachedJourney> {
    const document = await this.documents.read(journeyId);
    const imports = await this.analytics.imports.list(journeyId);
    const key = measurementKey(document, imports.map((i) => i.id));
    const measured = this.cached && previous?.measured.key === key ? previous.measured : { key, figures: await this.measure(journeyId, document, imports.length) };
    const figures = combineRollup(designedRollup(document), measured.figures);
    const phaseNames = new Map(document.phases.map((phase) => [phase.id, phase.name]));
    return { title: document.journey.title, kind: document.journey.kind, phaseNames, measured, figures, stale: false };
  }

  private async measure(journeyId: string, document: JourneyDocument, importCount: number): Promise<MeasuredRollup> {
    if (importCount === 0) return measuredRollup(document, null);
    return measuredRollup(document, await this.analytics.measure(journeyId, document));
  }
}

/**
 * What changes a journey's measured figures besides a new import: which steps there are, in
 * which order, what they map (activity patterns, the end), which wait each measures (its
 * moment), and the XLA indicators. A score, a title or a cell does not, so their edits reuse the
 * measured figures.
 */
function measurementKey(document: JourneyDocument, importIds: readonly string[]): string {
  const steps = orderJourney(document).steps.map(({ step }) => [step.id, step.activityPatterns, step.journeyEnd, step.wait]);
  return JSON.stringify([importIds, steps, document.indicators]);
}

function linkView(link: LinkRecord, visibility: Visibility, journey: CachedJourney | null): LinkedJourneyRollup {
  const base = { linkId: link.id, journeyId: link.journeyId, targetPhaseId: link.targetPhaseId };
  if (visibility.open.has(link.journeyId) && journey) {
    const { scores, measurement, xla, findings, health } = journey.figures;
    const targetPhaseName = link.targetPhaseId ? (journey.phaseNames.get(link.targetPhaseId) ?? null) : null;
    return { ...base, targetPhaseName, availability: 'available', title: journey.title, kind: journey.kind, scores, measurement, xla, findings, health };
  }
  const availability = visibility.trashed.has(link.journeyId) ? 'trashed' : 'unavailable';
  return { ...base, targetPhaseName: null, availability, title: null, kind: null, scores: null, measurement: null, xla: null, findings: null, health: null };
}
