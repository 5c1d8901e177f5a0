import { useEffect, useState, type RefObject } from 'react';
import { publish, remoteStates, useAwareness } from '../../hooks/awareness.ts';
import { mapScale } from '../../canvas/useMapZoom.ts';
import { throttle } from './throttle.ts';

interface RemoteCursor {
  clientId: number;
  name: string;
  color: string;
  x: number;
  y: number;
}

// Twenty people moving their pointers: 12 updates a second each is smooth enough to follow
// and keeps the awareness traffic far below the edits'.
const CURSOR_INTERVAL_MS = 80;

function cursorsSignature(cursors: readonly RemoteCursor[]): string {
  return cursors.map((c) => `${c.clientId}:${c.x}:${c.y}:${c.name}`).join('|');
}

/**
 * Publishes this person's pointer over the map and draws everyone else's, with their name.
 * Positions are in the map's own coordinates, so each person's scrolling is their own.
 */
export function LiveCursors({ mapRef }: { mapRef: RefObject<HTMLDivElement | null> }) {
  const awareness = useAwareness();
  const [cursors, setCursors] = useState<RemoteCursor[]>([]);

  useEffect(() => {
    const map = mapRef.current;
    if (!awareness || !map) return undefined;
    const send = throttle((position: { x: number; y: number } | null) => publish(awareness, 'cursor', position), CURSOR_INTERVAL_MS);
    const onMove = (event: PointerEvent) => {
      const box = map.getBoundingClientRect();
      // In the map's own pixels, whatever each person's zoom: the cursor is drawn inside the zoomed map.
      const scale = mapScale(map);
      send.call({ x: Math.round((event.clientX - box.left) / scale), y: Math.round((event.clientY - box.top) / scale) });
    };
    const onLeave = () => send.call(null);
    map.addEventListener('pointermove', onMove);
    map.addEventListener('pointerleave', onLeave);
    return () => {
      send.cancel();
      map.removeEventListener('pointermove', onMove);
      map.removeEventListener('pointerleave', onLeave);
      publish(awareness, 'cursor', null);
    };
  }, [awareness, mapRef]);

  useEffect(() => {
    if (!awareness) return undefined;
    const onChange = () => {
      const next: RemoteCursor[] = [];
      for (const [clientId, state] of remoteStates(awareness)) {
        if (state.user && state.cursor) next.push({ clientId, name: state.user.name, color: state.user.color, ...state.cursor });
      }
      setCursors((previous) => (cursorsSignature(previous) === cursorsSignature(next) ? previous : next));
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);

  return (
    <div className="live-cursors" aria-hidden="true">
      {cursors.map((cursor) => (
        <div key={cursor.clientId} className="live-cursor" style={{ transform: `translate(${cursor.x}px, ${cursor.y}px)` }} data-testid="live-cursor" data-name={cursor.name}>
          <svg width="16" height="20" viewBox="0 0 16 20">
            <path d="M1 1 L1 17 L5.5 12.5 L8.5 19 L11 18 L8 11.5 L14 11.5 Z" fill={cursor.color} stroke="#fff" strokeWidth="1.2" />
          </svg>
          <span className="live-cursor__name" style={{ background: cursor.color }}>
            {cursor.name}
          </span>
        </div>
      ))}
    </div>
  );
}
