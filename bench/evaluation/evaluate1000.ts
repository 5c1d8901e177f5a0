// How long one evaluation of a 1,000-step journey takes: the evaluation runs live on every
// edit, so the goal is under 5 ms. Run: node bench/evaluation/evaluate1000.ts [runs]
import { performance } from 'node:perf_hooks';
import type { Score } from '@klantreis/schema';
import { evaluateJourney } from '@klantreis/evaluation';
import { buildJourney, type PhaseSpec, type StepSpec } from '../../packages/evaluation/src/testJourneyBuilder.ts';

const PHASES = 10;
const STEPS_PER_PHASE = 100;
const WARM_UP = 50;
const RUNS = Number(process.argv[2] ?? 200);
const GOAL_MS = 5;

// A deterministic mix that makes every rule fire somewhere: waits before peaks, −2s,
// differentiators and sacrifices, Kano elements, moments of truth and rated touchpoints.
const SCORES: Score[] = [1, -1, 2, 0, -2, 1, 2, -1, 0, 1, 2];
function step(phase: number, i: number): StepSpec {
  const n = phase * STEPS_PER_PHASE + i;
  return {
    title: n % 7 === 0 ? '' : `Step ${n + 1}`,
    score: n % 13 === 0 ? null : SCORES[n % SCORES.length]!,
    wait: n % 4 === 1 ? 10 + (n % 30) : null,
    touchpoints: n % 3 === 0 ? [] : [{ importance: ((n % 5) + 1), name: n % 2 === 0 ? `Touchpoint ${n}` : '' }, (n % 4) + 1],
    kano: n % 5 === 0 ? ['must-be', 'attractive'] : n % 5 === 1 ? ['performance'] : [],
    role: n % 11 === 0 ? 'differentiator' : n % 11 === 5 ? 'sacrifice' : undefined,
    momentOfTruth: i % 25 === 24,
  };
}
const phases: PhaseSpec[] = Array.from({ length: PHASES }, (_, p) => ({
  name: `Phase ${p + 1}`,
  need: `need ${p + 1}`,
  steps: Array.from({ length: STEPS_PER_PHASE }, (_, i) => step(p, i)),
}));
const doc = buildJourney({ journeyScore: -1, phases, scramble: true });

function measure(locale: 'nl' | 'en'): { median: number; p95: number; findings: number } {
  let findings = 0;
  for (let i = 0; i < WARM_UP; i++) findings = evaluateJourney(doc, { locale }).findings.length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    evaluateJourney(doc, { locale });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), findings };
}

console.log(`evaluateJourney: ${doc.steps.length} steps in ${doc.phases.length} phases, ${RUNS} runs after ${WARM_UP} warm-up, Node ${process.version}`);
for (const locale of ['nl', 'en'] as const) {
  const { median, p95, findings } = measure(locale);
  console.log(
    `  ${locale}: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, ${findings} findings — goal < ${GOAL_MS} ms ${median < GOAL_MS ? 'met' : 'MISSED'}`,
  );
}
