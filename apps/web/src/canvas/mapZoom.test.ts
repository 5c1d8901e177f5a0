import { describe, expect, it } from 'vitest';
import { clampZoom, defaultZoom, fitZoom, MAX_ZOOM, MIN_ZOOM, readRememberedZoom, sidePanelWidth, wheelZoom, writeRememberedZoom, zoomStep } from './mapZoom.ts';
import { LABEL_WIDTH, STEP_WIDTH } from './mapLayout.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('zooming the map', () => {
  it('steps through the levels, from a level in between to the next one that visibly differs', () => {
    expect(zoomStep(1, 1)).toBe(1.1);
    expect(zoomStep(1, -1)).toBe(0.9);
    expect(zoomStep(0.89, 1)).toBe(1);
    expect(zoomStep(0.91, -1)).toBe(0.8);
    expect(zoomStep(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(zoomStep(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });

  it('zooms smoothly on the wheel and a pinch, in and out by the same amount, within its limits', () => {
    expect(wheelZoom(1, -100)).toBeCloseTo(1.11, 2);
    expect(wheelZoom(wheelZoom(1, -100), 100)).toBeCloseTo(1, 1);
    expect(wheelZoom(1, -3, 1)).toBeGreaterThan(1);
    expect(wheelZoom(MAX_ZOOM, -100)).toBe(MAX_ZOOM);
    expect(wheelZoom(MIN_ZOOM, 100)).toBe(MIN_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
  });

  it('fits the whole map in both directions, rounding down so that it really fits', () => {
    expect(fitZoom({ width: 2000, height: 1000 }, { width: 1000, height: 800 })).toBe(0.5);
    expect(fitZoom({ width: 1000, height: 3000 }, { width: 1000, height: 1000 })).toBe(0.33);
    expect(fitZoom({ width: 40_000, height: 1000 }, { width: 1000, height: 800 })).toBe(MIN_ZOOM);
  });

  it('starts at a desk with six whole step columns beside the docked panel, and large on the big screen', () => {
    for (const width of [1280, 1440, 1680, 1920]) {
      const zoom = defaultZoom('desk', width);
      const columns = (width - sidePanelWidth(width) - 16 - LABEL_WIDTH * zoom) / (STEP_WIDTH * zoom);
      expect(columns, `${width} px`).toBeGreaterThanOrEqual(6);
      expect(zoom).toBeGreaterThanOrEqual(0.75);
      expect(zoom).toBeLessThanOrEqual(1);
    }
    // At 1440 × 900, the laptop of most workshops, six columns beside the panel at 100%.
    expect(defaultZoom('desk', 1440)).toBe(1);
    expect(defaultZoom('desk', 1024)).toBe(1);
    expect(defaultZoom('desk', 2560)).toBe(1);
    expect(defaultZoom('room', 1920)).toBeGreaterThanOrEqual(1.25);
    expect(defaultZoom('room', 1024)).toBe(1.25);
  });

  it('remembers the chosen levels per journey, and forgets what it cannot read', () => {
    const storage = memoryStorage();
    writeRememberedZoom(storage, 'journey:a', { desk: 1.25 });
    expect(readRememberedZoom(storage, 'journey:a')).toEqual({ desk: 1.25 });
    expect(readRememberedZoom(storage, 'journey:b')).toEqual({});
    storage.setItem('klantreis.mapZoom.journey:c', '{"desk":"big","room":9}');
    expect(readRememberedZoom(storage, 'journey:c')).toEqual({ room: MAX_ZOOM });
    storage.setItem('klantreis.mapZoom.journey:d', 'not json');
    expect(readRememberedZoom(storage, 'journey:d')).toEqual({});
    expect(readRememberedZoom(undefined, 'journey:a')).toEqual({});
  });
});
