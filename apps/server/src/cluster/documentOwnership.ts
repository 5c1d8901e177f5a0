import { setTimeout as sleep } from 'node:timers/promises';
import { DocumentLeases, type LeaseHolder, type UpdateRow } from '@klantreis/db';

/** How long a lease lasts unless renewed, and how often the holder renews it. */
export const LEASE_TTL_MS = 3_000;
const RENEW_EVERY_MS = 1_000;
/** An owner that does not answer its health check within this is taken as not answering. */
const PROBE_TIMEOUT_MS = 700;

/** Another process serves this journey and answers: the editor is sent there instead. */
export class OwnedElsewhereError extends Error {
  readonly holder: LeaseHolder;
  constructor(journeyId: string, holder: LeaseHolder) {
    super(`journey ${journeyId} is served by ${holder.owner}`);
    this.name = 'OwnedElsewhereError';
    this.holder = holder;
  }
}

type LostListener = (journeyId: string) => void;

/** Whether the process at `address` answers: 'up', 'gone' (nothing listens there), or 'silent' (no answer in time). */
export async function probeProcess(address: string): Promise<'up' | 'gone' | 'silent'> {
  try {
    const response = await fetch(`${address}/api/health/live`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? 'up' : 'silent';
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? 'gone' : 'silent';
  }
}

/**
 * This process's leases on the journeys whose live documents it serves (several processes on
 * one PostgreSQL, docs/deploy.md). A document is claimed when it loads and released when it
 * unloads; the leases are renewed every second. A lease found lost (this process was paused or
 * cut off from PostgreSQL for longer than the lease, and another took over) is said to the
 * listeners, which close that document's connections: its editors reconnect to the new owner,
 * and every write made under the old token is refused by `appendFenced`.
 */
export class DocumentOwnership {
  readonly nodeName: string;
  /** Where the other processes reach this one (set once it listens). */
  address: string;
  private readonly leases: DocumentLeases;
  private readonly tokens = new Map<string, number>();
  private readonly lostListeners = new Set<LostListener>();
  private renewTimer: NodeJS.Timeout | null = null;
  private lastRenewedAt = performance.now();
  private renewing = false;

  constructor(leases: DocumentLeases, nodeName: string, address: string) {
    this.leases = leases;
    this.nodeName = nodeName;
    this.address = address;
  }

  /** The fencing token this process holds a journey's lease under, if it does. */
  tokenOf(journeyId: string): number | undefined {
    return this.tokens.get(journeyId);
  }

  holds(journeyId: string): boolean {
    return this.tokens.has(journeyId);
  }

  /** Who serves a journey now, when it is another process whose lease has not run out. */
  async liveHolderElsewhere(journeyId: string): Promise<LeaseHolder | undefined> {
    if (this.tokens.has(journeyId)) return undefined;
    const holder = await this.leases.holder(journeyId);
    if (!holder || holder.remainingMs <= 0 || holder.owner === this.nodeName) return undefined;
    return holder;
  }

  /**
   * Takes the journey's lease before its document loads here. A holder that answers keeps it
   * (OwnedElsewhereError); one that is gone (its port refuses) loses it at once; one that is
   * silent (paused, overloaded, cut off) keeps it until it runs out, which this waits for.
   */
  async claim(journeyId: string): Promise<{ token: number; tookOver: boolean }> {
    const deadline = performance.now() + LEASE_TTL_MS * 2;
    let takeOver: number | undefined;
    let tookOver = false;
    for (;;) {
      const attempt = await this.leases.acquire(journeyId, this.nodeName, this.address, { takeOver });
      if (attempt.acquired) {
        this.tokens.set(journeyId, attempt.token);
        this.startRenewing();
        return { token: attempt.token, tookOver };
      }
      const { holder } = attempt;
      // Whoever held it did not give it up: it stopped without storing its last snapshot.
      tookOver = true;
      if (holder.owner === this.nodeName && holder.token !== takeOver) {
        // This process's own lease from before a restart under the same name: nobody serves it.
        takeOver = holder.token;
        continue;
      }
      const state = await probeProcess(holder.address);
      if (state === 'up') throw new OwnedElsewhereError(journeyId, holder);
      if (state === 'gone' && holder.token !== takeOver) {
        takeOver = holder.token;
        continue;
      }
      if (performance.now() > deadline) throw new OwnedElsewhereError(journeyId, holder);
      await sleep(Math.min(Math.max(holder.remainingMs, 50) + 20, 500));
    }
  }

  /** After the document unloaded here. */
  async release(journeyId: string): Promise<void> {
    const token = this.tokens.get(journeyId);
    if (token === undefined) return;
    this.tokens.delete(journeyId);
    await this.leases.release(journeyId, token);
  }

  /** Stores the rows only while this process still holds each journey's lease (a fenced write). */
  appendFenced(rows: readonly UpdateRow[]): Promise<void> {
    return this.leases.appendFenced(rows, this.tokens);
  }

  /** The lease of a journey turned out to be another's: forget it and tell the listeners. */
  lost(journeyId: string): void {
    if (!this.tokens.delete(journeyId)) return;
    console.warn(`cluster: ${this.nodeName} lost the lease of journey ${journeyId} to another process; its editors reconnect there`);
    for (const listener of this.lostListeners) listener(journeyId);
  }

  onLost(listener: LostListener): void {
    this.lostListeners.add(listener);
  }

  /** Gives up every lease (a graceful stop), so the next owner need not wait for them to run out. */
  async releaseAll(): Promise<void> {
    this.stopRenewing();
    const held = [...this.tokens];
    this.tokens.clear();
    await Promise.all(held.map(([journeyId, token]) => this.leases.release(journeyId, token).catch(() => undefined)));
  }

  stopRenewing(): void {
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
  }

  private startRenewing(): void {
    if (this.renewTimer) return;
    this.lastRenewedAt = performance.now();
    this.renewTimer = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.renewTimer.unref();
  }

  private async renew(): Promise<void> {
    // A renewal slower than the interval (PostgreSQL busy) is not overtaken by the next.
    if (this.tokens.size === 0 || this.renewing) return;
    this.renewing = true;
    const held = new Map(this.tokens);
    // Only a lease still held under the token renewed: one released and claimed again
    // meanwhile has a new token, which this result says nothing about.
    const stillHeld = (journeyId: string) => this.tokens.get(journeyId) === held.get(journeyId);
    try {
      const lost = await this.leases.renew(this.nodeName, held);
      this.lastRenewedAt = performance.now();
      for (const journeyId of lost) if (stillHeld(journeyId)) this.lost(journeyId);
    } catch (error) {
      // PostgreSQL does not answer. Past the lease's length another process may have taken
      // over: stop serving, as the writes would be refused anyway.
      if (performance.now() - this.lastRenewedAt < LEASE_TTL_MS) return;
      console.warn(`cluster: could not renew leases for ${Math.round(performance.now() - this.lastRenewedAt)} ms (${(error as Error).message})`);
      for (const journeyId of held.keys()) if (stillHeld(journeyId)) this.lost(journeyId);
    } finally {
      this.renewing = false;
    }
  }
}
