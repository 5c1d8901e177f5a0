import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { currentZoom, useMapViewStore } from '../stores/mapViewStore.ts';
import { fitZoom, MIN_ZOOM, wheelZoom, zoomStep } from './mapZoom.ts';

/**
 * How much the map is drawn larger than its own CSS pixels: CSS `zoom` on `.map` scales its
 * box on screen but not its offset sizes, so the ratio of the two is the zoom in force, whatever
 * set it. Pointer positions divided by it are map coordinates, the same for everyone.
 */
export function mapScale(map: HTMLElement | null): number {
  if (!map || map.offsetWidth === 0) return 1;
  return map.getBoundingClientRect().width / map.offsetWidth;
}

/** Zooms the map, keeping the content under `at` (a pointer, or the scroller's top-left corner) where it is. */
export function zoomMapTo(scroller: HTMLElement | null, zoom: number, at?: { clientX: number; clientY: number }): void {
  const store = useMapViewStore.getState();
  if (!scroller) {
    store.setZoom(zoom);
    return;
  }
  const box = scroller.getBoundingClientRect();
  store.setZoom(zoom, {
    x: at ? at.clientX - box.left : 0,
    y: at ? at.clientY - box.top : 0,
    scrollLeft: scroller.scrollLeft,
    scrollTop: scroller.scrollTop,
    zoom: currentZoom(store),
  });
}

export function zoomMapBy(scroller: HTMLElement | null, direction: 1 | -1): void {
  zoomMapTo(scroller, zoomStep(currentZoom(useMapViewStore.getState()), direction));
}

/** Zooms so that the whole map fits the scroller, and shows it from its top-left corner. */
export function fitMap(scroller: HTMLElement | null): void {
  const map = scroller?.querySelector<HTMLElement>('.map');
  if (!scroller || !map) return;
  const zoom = fitZoom({ width: map.offsetWidth, height: map.offsetHeight }, { width: scroller.clientWidth, height: scroller.clientHeight });
  const store = useMapViewStore.getState();
  store.setZoom(zoom, { x: 0, y: 0, scrollLeft: 0, scrollTop: 0, zoom: currentZoom(store) });
  scroller.scrollTo({ left: 0, top: 0 });
  // Text wraps a little differently at a small zoom, so the map can come out a few pixels
  // taller than its size times the zoom: measured once drawn, it is made smaller until it fits.
  let tries = 0;
  const check = () => {
    const drawn = map.getBoundingClientRect();
    const now = currentZoom(useMapViewStore.getState());
    if (tries++ >= 12 || now <= MIN_ZOOM || (drawn.width <= scroller.clientWidth + 1 && drawn.height <= scroller.clientHeight + 1)) return;
    useMapViewStore.getState().setZoom(Math.max(MIN_ZOOM, Math.round((now - 0.01) * 100) / 100), { x: 0, y: 0, scrollLeft: 0, scrollTop: 0, zoom: now });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Ctrl+wheel (and a trackpad pinch, which Chromium sends as Ctrl+wheel) zooms around the
 * pointer; Ctrl+= / Ctrl+- / Ctrl+0 zoom while the focus is in the map, instead of the browser
 * zooming the whole page with its top bar. After each change the anchored content is put back
 * under the pointer. The height of the phase row is handed to CSS, where the sticky step heads
 * stop under it.
 */
export function useMapZoom(scrollRef: RefObject<HTMLDivElement | null>, mapRef: RefObject<HTMLDivElement | null>, zoom: number): void {
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return undefined;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomMapTo(scroller, wheelZoom(currentZoom(useMapViewStore.getState()), event.deltaY, event.deltaMode), event);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === '=' || event.key === '+') zoomMapBy(scroller, 1);
      else if (event.key === '-' || event.key === '_') zoomMapBy(scroller, -1);
      else if (event.key === '0') zoomMapTo(scroller, 1);
      else return;
      event.preventDefault();
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    scroller.addEventListener('keydown', onKey);
    return () => {
      scroller.removeEventListener('wheel', onWheel);
      scroller.removeEventListener('keydown', onKey);
    };
  }, [scrollRef]);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const anchor = useMapViewStore.getState().takeAnchor();
    if (!scroller || !anchor) return;
    const ratio = zoom / anchor.zoom;
    scroller.scrollLeft = (anchor.scrollLeft + anchor.x) * ratio - anchor.x;
    scroller.scrollTop = (anchor.scrollTop + anchor.y) * ratio - anchor.y;
  }, [scrollRef, zoom]);

  useLayoutEffect(() => {
    const map = mapRef.current;
    const corner = map?.querySelector<HTMLElement>('.map__corner');
    if (!map || !corner) return undefined;
    // offsetHeight is in the map's own (unzoomed) pixels, the unit of `top` inside it. Read in
    // the observer's callback only, which the browser calls once the frame is laid out (the first
    // time right after this frame's layout, before its paint): read here, in a layout effect, it
    // would make the browser lay out the map's whole first frame inside React's commit, and
    // setting it would lay out and style the map a second time. Set only when it differs from
    // the height in force (at first the style sheet's), as a change restyles the whole map.
    let height = '';
    const apply = () => {
      const now = `${corner.offsetHeight}px`;
      height ||= getComputedStyle(map).getPropertyValue('--phase-row-height').trim();
      if (now === height) return;
      height = now;
      map.style.setProperty('--phase-row-height', now);
    };
    const observer = new ResizeObserver(apply);
    observer.observe(corner);
    return () => observer.disconnect();
  }, [mapRef]);
}
