// What ran in a Chromium trace's long main-thread tasks (bench/editor/firstVisit.ts, bigMap.ts).
export interface TraceEvent { name: string; ts: number; dur?: number; ph: string; tid: number; pid: number; args?: { data?: { frame?: string } } }

/** The renderer main thread's tasks of `overMs` or more, each by what ran in it (the top-level events' names). */
export function taskSummary(events: TraceEvent[], overMs: number): string {
  const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
  const start = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= overMs * 1000);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e.name !== 'RunTask');
    // Time by name of the events not inside another event of this task (the top level).
    const sums = new Map<string, number>();
    const tops = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0)));
    for (const e of tops) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    // And the layout and style inside scripts (forced).
    const forced = inside.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && !tops.includes(e)).reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
    const parts = [...sums].filter(([, v]) => v >= 3).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    return `\n    ${Math.round((task.ts - start) / 1000)}+${Math.round((task.dur ?? 0) / 1000)}: ${parts}${forced > 3 ? ` (forced style/layout in scripts ${forced.toFixed(0)})` : ''}`;
  }).join('');
}

