import { Redis } from 'ioredis';
import { memoryRateLimit, type RateLimitStorage } from '@klantreis/core';
import type { JourneyChange } from '../commands/journeyChangeSignal.ts';

/** What one process tells the others. */
export type ClusterMessage =
  /** A journey changed (its content, place or data): roll-ups and viewers elsewhere refresh. */
  | { kind: 'journey-changed'; journeyId: string; change: JourneyChange }
  /** A person's role or sessions changed: every process closes their sockets, so they reconnect with their access as it is now. */
  | { kind: 'access-changed'; userId: string }
  /** A share link was revoked: its viewers' live streams on other processes end too. */
  | { kind: 'link-revoked'; linkId: string }
  /** A presenter moved: the screens following the presentation on other processes go along. */
  | { kind: 'presentation-moved'; journeyId: string; stepIndex: number; at: number };

type Listener = (message: ClusterMessage) => void;

const CHANNEL = 'klantreis:cluster';

/**
 * One attempt against a fixed window, atomically: the count, and the milliseconds left in the
 * window once the limit is reached (0 while allowed).
 */
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if count > tonumber(ARGV[2]) then return redis.call('PTTL', KEYS[1]) end
return 0`;
/** A journey's content changes are told at most this often per journey (the last one always). */
const CONTENT_QUIET_MS = 200;

function parseMessage(text: string): (ClusterMessage & { from: string }) | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.from !== 'string') return null;
    if (value.kind === 'journey-changed' && typeof value.journeyId === 'string' && (value.change === 'content' || value.change === 'trash' || value.change === 'data')) {
      return { from: value.from, kind: value.kind, journeyId: value.journeyId, change: value.change };
    }
    if (value.kind === 'access-changed' && typeof value.userId === 'string') return { from: value.from, kind: value.kind, userId: value.userId };
    if (value.kind === 'link-revoked' && typeof value.linkId === 'string') return { from: value.from, kind: value.kind, linkId: value.linkId };
    if (value.kind === 'presentation-moved' && typeof value.journeyId === 'string' && Number.isInteger(value.stepIndex) && typeof value.at === 'number') {
      return { from: value.from, kind: value.kind, journeyId: value.journeyId, stepIndex: value.stepIndex as number, at: value.at };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Messages between the server processes, by Redis publish/subscribe. Nothing here is needed
 * for an edit to be stored or reach the other editors of its journey (they are all on the
 * process that owns it): without Redis, editing goes on, and what pauses is what other
 * processes show of it (a portfolio's or experience map's roll-up, a share link's viewers).
 * Redis keeps no message for a process that is away, so on every reconnect the listeners hear
 * `resync`: whatever they cached from messages may have missed some.
 */
export class ClusterBus {
  private readonly nodeName: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<Listener>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly pendingContent = new Map<string, NodeJS.Timeout>();
  /** Sign-in attempts counted here while Redis is away. */
  private readonly localAttempts = memoryRateLimit();
  private connectedOnce = false;
  private down = false;

  constructor(redisUrl: string, nodeName: string) {
    this.nodeName = nodeName;
    // No offline queue: a message published while Redis is away is dropped (and said once),
    // not held in memory to arrive late. Reconnects every 500 ms at most.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 100, 500), lazyConnect: true };
    this.publisher = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
    for (const client of [this.publisher, this.subscriber]) client.on('error', () => this.wentDown());
    this.subscriber.on('message', (_channel: string, text: string) => {
      const message = parseMessage(text);
      if (!message || message.from === this.nodeName) return;
      for (const listener of this.listeners) listener(message);
    });
    this.subscriber.on('ready', () => {
      // Subscribed on every connect, the first included: a SUBSCRIBE asked for while Redis was
      // not there yet is given up by the client, and the process would never hear a message.
      this.subscriber.subscribe(CHANNEL).catch(() => this.wentDown());
      if (this.connectedOnce && this.down) console.info('cluster: Redis is back; caches built from its messages are refreshed');
      if (this.connectedOnce) for (const listener of this.resyncListeners) listener();
      this.connectedOnce = true;
      this.down = false;
    });
  }

  /** Connects; a Redis that is not there yet is not an error (the bus reconnects on its own). */
  async start(): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]).catch(() => this.wentDown());
    // The first subscription, made by 'ready': listeners are set before start() returns.
    if (this.subscriber.status === 'ready') await this.subscriber.subscribe(CHANNEL).catch(() => this.wentDown());
  }

  publish(message: ClusterMessage): void {
    if (message.kind === 'journey-changed' && message.change === 'content') {
      // An editor types a few changes a second: the others hear the last within 200 ms.
      if (this.pendingContent.has(message.journeyId)) return;
      this.pendingContent.set(
        message.journeyId,
        setTimeout(() => {
          this.pendingContent.delete(message.journeyId);
          this.send(message);
        }, CONTENT_QUIET_MS),
      );
      return;
    }
    this.send(message);
  }

  /**
   * Sign-in attempts counted in Redis, where every process sees them. While Redis is away each
   * process counts its own (the limit then holds per process, never not at all).
   */
  rateLimit(): RateLimitStorage {
    const fallback = this.localAttempts;
    return {
      consume: async (key, rule) => {
        try {
          const waitMs = Number(await this.publisher.eval(CONSUME_SCRIPT, 1, `klantreis:rate:${key}`, rule.window * 1000, rule.max));
          return waitMs === 0 ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
        } catch {
          this.wentDown();
          return fallback.consume(key, rule);
        }
      },
    };
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called after Redis came back: messages of the time it was away are lost, a person's changed
   * access among them, so listeners refresh what they cached and sockets are authorised again.
   */
  onResync(listener: () => void): void {
    this.resyncListeners.add(listener);
  }

  async close(): Promise<void> {
    for (const timer of this.pendingContent.values()) clearTimeout(timer);
    this.pendingContent.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private send(message: ClusterMessage): void {
    this.publisher.publish(CHANNEL, JSON.stringify({ ...message, from: this.nodeName })).catch(() => this.wentDown());
  }

  private wentDown(): void {
    if (this.down) return;
    this.down = true;
    console.warn('cluster: Redis does not answer; editing goes on, other processes hear of changes once it is back');
  }
}
