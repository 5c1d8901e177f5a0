import { useEffect, type RefObject } from 'react';
import { afterNextPaint } from '../canvas/useAfterFirstPaint.ts';
import { mapScale } from '../canvas/useMapZoom.ts';
import { throttle } from '../components/presence/throttle.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { usePresenceStore } from '../stores/presenceStore.ts';
import { publish, remoteStates, useAwareness } from './awareness.ts';

const VIEWPORT_INTERVAL_MS = 100;

/**
 * Publishes where this person has scrolled the map, and, while they follow someone, scrolls
 * along with that person and selects what they select: the big screen shows the facilitator's view.
 */
export function useFollow(scrollRef: RefObject<HTMLDivElement | null>): void {
  const awareness = useAwareness();
  const following = usePresenceStore((s) => s.followingClientId);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!awareness || !scroller) return undefined;
    // In the map's own pixels: the big screen follows the facilitator at its own, larger zoom.
    const send = throttle(() => {
      const scale = mapScale(scroller.querySelector<HTMLElement>('.map'));
      publish(awareness, 'viewport', { left: Math.round(scroller.scrollLeft / scale), top: Math.round(scroller.scrollTop / scale) });
    }, VIEWPORT_INTERVAL_MS);
    // The first position once the map has been painted: read now, in the commit that draws the
    // map, it forced the browser to lay the whole map out before painting it, and again after.
    // A tab in the background paints no frame, and publishes at once.
    let cancelFirst: () => void;
    if (document.hidden) {
      const timer = setTimeout(() => send.call());
      cancelFirst = () => clearTimeout(timer);
    } else {
      cancelFirst = afterNextPaint(() => send.call());
    }
    const onScroll = () => send.call();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelFirst();
      send.cancel();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [awareness, scrollRef]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!awareness || !scroller || following === null) return undefined;
    const onChange = () => {
      const state = remoteStates(awareness).find(([clientId]) => clientId === following)?.[1];
      if (!state) return;
      const scale = mapScale(scroller.querySelector<HTMLElement>('.map'));
      const left = Math.round(state.viewport ? state.viewport.left * scale : 0);
      const top = Math.round(state.viewport ? state.viewport.top * scale : 0);
      if (state.viewport && (left !== Math.round(scroller.scrollLeft) || top !== Math.round(scroller.scrollTop))) {
        scroller.scrollTo({ left, top });
      }
      const selection = state.selection ?? null;
      const editor = useEditorStore.getState();
      if (selection !== editor.selectedStepId) editor.selectStep(selection);
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, scrollRef, following]);
}
