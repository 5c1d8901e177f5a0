import type { HocuspocusProvider } from '@hocuspocus/provider';
import { createContext, useContext } from 'react';
import { awarenessStateProblem, type AwarenessState, type WorkshopTimerState } from '@klantreis/schema';

// Awareness carries everything about the people in a map that is not the map itself:
// who they are, what they selected, where their pointer and their view are. It is never
// stored and never enters the document.
export type Awareness = NonNullable<HocuspocusProvider['awareness']>;

export const AwarenessContext = createContext<Awareness | null>(null);

export function useAwareness(): Awareness | null {
  return useContext(AwarenessContext);
}

/** The fields one client publishes; every one optional, as an older client may lack some. */
export type AwarenessFields = AwarenessState;
export type { WorkshopTimerState };

/**
 * Every client's state that fits what an editor publishes, this tab's own included. The server
 * drops states that do not fit; this is the second line, so that an older or hostile server
 * cannot blank the map either.
 */
export function validStates(awareness: Awareness): [number, AwarenessFields][] {
  return [...awareness.getStates().entries()].filter(([, state]) => awarenessStateProblem(state) === null) as [number, AwarenessFields][];
}

/** Other clients' states, without this tab's own. */
export function remoteStates(awareness: Awareness): [number, AwarenessFields][] {
  return validStates(awareness).filter(([clientId]) => clientId !== awareness.clientID);
}

export function publish<K extends keyof AwarenessFields>(awareness: Awareness, field: K, value: AwarenessFields[K]): void {
  awareness.setLocalStateField(field, value);
}
