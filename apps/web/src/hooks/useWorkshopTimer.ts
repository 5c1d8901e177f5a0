import { useCallback, useEffect, useState } from 'react';
import { publish, useAwareness, validStates, type AwarenessFields, type WorkshopTimerState } from './awareness.ts';
import { serverNow, syncServerClock } from './serverClock.ts';

// The timer lives in awareness, not in the document: it is a moment of the workshop, not part
// of the map. Every participant mirrors the newest state they have seen, so the timer goes on
// when the person who started it closes their laptop. Its moments are in server time
// (serverClock.ts), so laptops whose clocks disagree show the same time left.

export function remainingMs(timer: WorkshopTimerState, now = serverNow()): number {
  return timer.startedAt === null ? timer.remainingMs : Math.max(0, timer.remainingMs - (now - timer.startedAt));
}

function newest(states: Iterable<AwarenessFields>): WorkshopTimerState | null {
  let found: WorkshopTimerState | null = null;
  for (const state of states) if (state.timer && (!found || state.timer.updatedAt > found.updatedAt)) found = state.timer;
  return found;
}

export function useWorkshopTimer() {
  const awareness = useAwareness();
  const [timer, setTimer] = useState<WorkshopTimerState | null>(null);
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    const sync = () => void syncServerClock().then(() => setNow(serverNow()));
    sync();
    // A page opened offline measures once it is back online.
    window.addEventListener('online', sync);
    return () => window.removeEventListener('online', sync);
  }, []);

  useEffect(() => {
    if (!awareness) return undefined;
    const onChange = () => {
      const latest = newest(validStates(awareness).map(([, state]) => state));
      const own = (awareness.getLocalState() as AwarenessFields | null)?.timer;
      if (latest && latest.updatedAt !== own?.updatedAt) publish(awareness, 'timer', latest);
      setTimer(latest);
    };
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);

  const running = timer !== null && timer.startedAt !== null && remainingMs(timer, now) > 0;
  useEffect(() => {
    if (!running) return undefined;
    const tick = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(tick);
  }, [running]);

  const set = useCallback((next: WorkshopTimerState | null) => {
    if (awareness) publish(awareness, 'timer', next);
    setTimer(next);
  }, [awareness]);

  const start = useCallback(
    (durationMs: number) => {
      const at = serverNow();
      const left = timer && timer.durationMs === durationMs && remainingMs(timer, at) > 0 ? remainingMs(timer, at) : durationMs;
      set({ durationMs, remainingMs: left, startedAt: at, updatedAt: at });
    },
    [timer, set],
  );
  const pause = useCallback(() => {
    if (!timer) return;
    const at = serverNow();
    set({ ...timer, remainingMs: remainingMs(timer, at), startedAt: null, updatedAt: at });
  }, [timer, set]);
  const reset = useCallback(() => {
    const at = serverNow();
    set({ durationMs: timer?.durationMs ?? 0, remainingMs: timer?.durationMs ?? 0, startedAt: null, updatedAt: at });
  }, [timer, set]);

  return { timer, remaining: timer ? remainingMs(timer, now) : null, running, start, pause, reset };
}

export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
