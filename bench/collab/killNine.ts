// kill -9 at full scale (issue 5): 20 cycles of 5 writers × 50 edits a second against the
// real server process, killed with SIGKILL at a random moment 0.5–3 s in. After each kill:
// SQLite's integrity_check, a restart, and a check that every writer's last acknowledged
// state and everything the observer had received are in the reloaded document, and that the
// REST read right after the restart (from the snapshot) equals the document.
// The CI test (apps/server/src/collaboration/killNine.test.ts) runs 3 cycles.
//
// Run: node bench/collab/killNine.ts [cycles=20] [seed=1]
import { runKillNineCycles } from '../../apps/server/src/collaboration/reliability/killNineScenario.ts';

const cycles = Number(process.argv[2] ?? 20);
const seed = Number(process.argv[3] ?? 1);
console.log(`kill -9: ${cycles} cycles, 5 writers × 50 edits/s, seed ${seed}`);
const started = performance.now();
const results = await runKillNineCycles({ cycles, writers: 5, editsPerSecond: 50, minRunMs: 500, maxRunMs: 3_000, seed, log: (line) => console.log(line) });
const lost = results.flatMap((cycle) => cycle.lost);
const staleReads = lost.filter((line) => line.startsWith('REST read')).length;
const unsound = results.filter((cycle) => cycle.integrity !== 'ok');
const sum = (pick: (cycle: (typeof results)[number]) => number) => results.reduce((total, cycle) => total + pick(cycle), 0);
const restarts = results.map((cycle) => cycle.restartMs).sort((a, b) => a - b);
console.log(
  `\n${results.length} kills, ${sum((c) => c.edits)} edits, ${sum((c) => c.acknowledgements)} acknowledged states checked, ` +
    `lost: ${lost.length - staleReads}, stale REST reads: ${staleReads}, integrity_check not ok: ${unsound.length}, restart median ${restarts[Math.floor(restarts.length / 2)]} ms, ` +
    `max ${restarts.at(-1)} ms, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exitCode = lost.length === 0 && unsound.length === 0 ? 0 : 1;
