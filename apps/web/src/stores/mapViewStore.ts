import { create } from 'zustand';
import { clampZoom, defaultZoom, readRememberedZoom, writeRememberedZoom, type ZoomMode } from '../canvas/mapZoom.ts';

/**
 * Where to keep the map's content fixed on screen while the zoom changes: a point in the map
 * scroller's viewport (px from its top-left corner) and where the map was scrolled, at which
 * zoom, before the change. The map reads it once, after the new zoom has been laid out.
 */
export interface ZoomAnchor {
  x: number;
  y: number;
  scrollLeft: number;
  scrollTop: number;
  zoom: number;
}

// UI state of this device only: how the map is seen, never part of the document.
interface MapViewState {
  journeyId: string | null;
  zoom: Record<ZoomMode, number>;
  /** The map alone, in large type, for the room. */
  bigScreen: boolean;
  anchor: ZoomAnchor | null;
  /** Takes the zoom remembered for this journey on this device, or the default for this screen. */
  openJourney(journeyId: string, viewportWidth: number): void;
  setZoom(zoom: number, anchor?: ZoomAnchor): void;
  setBigScreen(on: boolean): void;
  takeAnchor(): ZoomAnchor | null;
}

export const useMapViewStore = create<MapViewState>((set, get) => ({
  journeyId: null,
  zoom: { desk: 1, room: 1.5 },
  bigScreen: false,
  anchor: null,
  openJourney: (journeyId, viewportWidth) => {
    const remembered = readRememberedZoom(globalThis.localStorage, journeyId);
    set({
      journeyId,
      bigScreen: false,
      anchor: null,
      zoom: { desk: remembered.desk ?? defaultZoom('desk', viewportWidth), room: remembered.room ?? defaultZoom('room', viewportWidth) },
    });
  },
  setZoom: (zoom, anchor) => {
    const { journeyId, bigScreen } = get();
    const mode: ZoomMode = bigScreen ? 'room' : 'desk';
    const next = { ...get().zoom, [mode]: clampZoom(zoom) };
    if (next[mode] === get().zoom[mode]) return;
    set({ zoom: next, anchor: anchor ?? null });
    if (journeyId) {
      // Only the levels someone chose are remembered: the other mode keeps following the screen.
      const remembered = readRememberedZoom(globalThis.localStorage, journeyId);
      writeRememberedZoom(globalThis.localStorage, journeyId, { ...remembered, [mode]: next[mode] });
    }
  },
  setBigScreen: (bigScreen) => set({ bigScreen, anchor: null }),
  takeAnchor: () => {
    const { anchor } = get();
    if (anchor) set({ anchor: null });
    return anchor;
  },
}));

/** The zoom in force now: the room's in big-screen mode, the desk's otherwise. */
export function currentZoom(state: Pick<MapViewState, 'zoom' | 'bigScreen'>): number {
  return state.bigScreen ? state.zoom.room : state.zoom.desk;
}
