import type { Extension, onChangePayload } from '@hocuspocus/server';

type Listener = () => void;

/**
 * Tells who listens (a share link's viewers, a presentation's audience) that a journey changed,
 * whether the change came over a socket or through the REST API. Listeners hear at most one
 * call per `quietMs`, the last change always included.
 */
export class ChangeFeed implements Extension {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly quietMs: number;

  constructor(quietMs = 250) {
    this.quietMs = quietMs;
  }

  async onChange({ documentName }: onChangePayload): Promise<void> {
    this.changed(documentName);
  }

  changed(journeyId: string): void {
    if (!this.listeners.has(journeyId) || this.pending.has(journeyId)) return;
    this.pending.set(
      journeyId,
      setTimeout(() => {
        this.pending.delete(journeyId);
        for (const listener of this.listeners.get(journeyId) ?? []) listener();
      }, this.quietMs),
    );
  }

  /** Listens to one journey; returns the function that stops listening. */
  subscribe(journeyId: string, listener: Listener): () => void {
    const set = this.listeners.get(journeyId) ?? new Set();
    set.add(listener);
    this.listeners.set(journeyId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(journeyId);
    };
  }

  async onDestroy(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
