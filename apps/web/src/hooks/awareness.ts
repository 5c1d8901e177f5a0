import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createContext, useContext } from 'react';

// Awareness carries everything about the people in a map that is not the map itself:
// who they are, what they selected, where their pointer and their view are. It is never
// stored and never enters the document.
export type Awareness = NonNullable<HocuspocusProvider['awareness']>;

export const AwarenessContext = createContext<Awareness | null>(null);

export function useAwareness(): Awareness | null {
  return useContext(AwarenessContext);
}

/** The fields one client publishes; every one optional, as an older client may lack some. */
export interface AwarenessFields {
  user?: { key: string; name: string; color: string; initials: string };
  selection?: string | null;
  /** The pointer over the map, in the map's own coordinates (so scrolling does not move it). */
  cursor?: { x: number; y: number } | null;
  /** The map's scroll position, for those who follow this person. */
  viewport?: { left: number; top: number } | null;
  /** Bumped after saving a version or deciding on an approval, so the others refetch at once. */
  versionsRevision?: number;
  /** The workshop timer as this client last saw it; everyone mirrors the newest one. */
  timer?: WorkshopTimerState | null;
}

/** A shared countdown: running since `startedAt` with `remainingMs` left then, or paused with `remainingMs` left. */
export interface WorkshopTimerState {
  durationMs: number;
  remainingMs: number;
  startedAt: number | null;
  /** When someone last started, paused or reset it; the newest state wins. */
  updatedAt: number;
}

/** Other clients' states, without this tab's own. */
export function remoteStates(awareness: Awareness): [number, AwarenessFields][] {
  return [...awareness.getStates().entries()].filter(([clientId]) => clientId !== awareness.clientID) as [number, AwarenessFields][];
}

export function publish<K extends keyof AwarenessFields>(awareness: Awareness, field: K, value: AwarenessFields[K]): void {
  awareness.setLocalStateField(field, value);
}
