import { LABEL_WIDTH, STEP_WIDTH } from './mapLayout.ts';

// How far the map zooms, and where it starts on a screen of a given width. Pure functions, so
// the rules are tested without a browser; the store and the map apply them.

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 2.5;
/** The levels the buttons and Ctrl+= / Ctrl+- step through, as a browser's zoom does. */
export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5];

/** Where the map is seen: at a desk (laptop, side panel beside it) or on the big screen in the room. */
export type ZoomMode = 'desk' | 'room';

/** Below this width the side panel lies over the map instead of beside it, and starts closed. */
export const DOCKED_PANEL_MIN_WIDTH = 1280;

/** The docked side panel's width at a viewport width; the same clamp as `.side-panel` in workshopScale.css. */
export function sidePanelWidth(viewportWidth: number): number {
  return Math.min(440, Math.max(332, viewportWidth * 0.22));
}

/** Room for a vertical scrollbar beside the map. */
const SCROLLBAR = 16;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100));
}

/**
 * The next level up (direction 1) or down (-1) from `zoom`, which may lie between two levels
 * after a pinch or a fit: at least 4% away, so that a press always visibly changes the map.
 */
export function zoomStep(zoom: number, direction: 1 | -1): number {
  const next = direction > 0 ? ZOOM_STEPS.find((z) => z >= zoom * 1.04) : [...ZOOM_STEPS].reverse().find((z) => z <= zoom / 1.04);
  return next ?? (direction > 0 ? MAX_ZOOM : MIN_ZOOM);
}

/**
 * The zoom after one Ctrl+wheel event. A mouse wheel's notch (deltaY ±100) is about 10%; a
 * trackpad pinch arrives in Chromium as many small Ctrl+wheel events and so zooms smoothly.
 */
export function wheelZoom(zoom: number, deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const limited = Math.max(-100, Math.min(100, pixels));
  return clampZoom(zoom * Math.exp(-limited / 1000));
}

/** The zoom at which content of this (unzoomed) size fits the viewport in both directions. */
export function fitZoom(content: { width: number; height: number }, viewport: { width: number; height: number }): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  const fit = Math.min(viewport.width / content.width, viewport.height / content.height);
  return clampZoom(Math.floor(fit * 100) / 100);
}

/**
 * The zoom a journey starts at on this device before anyone chose one. At a desk: 100%, except
 * where the docked panel would leave fewer than six whole step columns beside it (from 1440 px
 * up it leaves six at 100%; at 1280 px it takes 85%), never below 75%. In the room: large
 * type, about seven columns across the screen, between 125% and 175%.
 */
export function defaultZoom(mode: ZoomMode, viewportWidth: number): number {
  const floor = (z: number) => Math.floor(z * 100) / 100;
  if (mode === 'room') return Math.min(1.75, Math.max(1.25, floor((viewportWidth - SCROLLBAR) / (LABEL_WIDTH + 7 * STEP_WIDTH))));
  if (viewportWidth < DOCKED_PANEL_MIN_WIDTH) return 1;
  const beside = viewportWidth - sidePanelWidth(viewportWidth) - SCROLLBAR;
  return Math.min(1, Math.max(0.75, floor(beside / (LABEL_WIDTH + 6 * STEP_WIDTH))));
}

export type RememberedZoom = Partial<Record<ZoomMode, number>>;

const storageKey = (journeyId: string) => `klantreis.mapZoom.${journeyId}`;

/** The zoom levels chosen for a journey on this device; whatever is unreadable is forgotten. */
export function readRememberedZoom(storage: Pick<Storage, 'getItem'> | undefined, journeyId: string): RememberedZoom {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(storageKey(journeyId)) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const out: RememberedZoom = {};
    for (const mode of ['desk', 'room'] as const) {
      const value = (raw as Record<string, unknown>)[mode];
      if (typeof value === 'number' && Number.isFinite(value)) out[mode] = clampZoom(value);
    }
    return out;
  } catch {
    return {};
  }
}

export function writeRememberedZoom(storage: Pick<Storage, 'setItem'> | undefined, journeyId: string, zoom: RememberedZoom): void {
  try {
    storage?.setItem(storageKey(journeyId), JSON.stringify(zoom));
  } catch {
    // A full or blocked storage only costs remembering the zoom.
  }
}
