import { cellId, createBlankJourney, createLaneRecord, createPhaseRecord, createStepRecord, indicesBetween, type JourneyDocument, type Score } from '@klantreis/schema';

/** A journey of `steps` steps in 10 phases with 12 lanes (9 default, 3 custom), every cell filled. */
export function bigJourney(steps = 200, customLanes = 3): JourneyDocument {
  const journey = createBlankJourney(`Benchmark ${steps} × ${9 + customLanes}`, 'en');
  const phaseIndices = indicesBetween(null, null, 10);
  journey.phases = phaseIndices.map((index, i) => createPhaseRecord({ index, name: `Phase ${i + 1}`, momentOfTruth: `Main need of phase ${i + 1}` }));
  const laneIndices = indicesBetween(journey.lanes.at(-1)!.index, null, customLanes);
  journey.lanes.push(...laneIndices.map((index, i) => createLaneRecord({ index, kind: 'custom', name: `Custom lane ${i + 1}` })));
  const perPhase = steps / 10;
  const stepIndices = indicesBetween(null, null, perPhase);
  for (let i = 0; i < steps; i++) {
    const phase = journey.phases[Math.floor(i / perPhase)]!;
    const score = ([-2, -1, 0, 1, 2] as Score[])[(i * 7) % 5]!;
    const step = createStepRecord({ phaseId: phase.id, index: stepIndices[i % perPhase]!, title: `Step ${i + 1}`, score, description: 'A step of the benchmark journey.' });
    journey.steps.push(step);
    for (const lane of journey.lanes) {
      journey.cells.push({ id: cellId(lane.id, step.id), laneId: lane.id, stepId: step.id, text: `Text for step ${i + 1} in this lane, long enough to wrap onto a second line.` });
    }
  }
  return journey;
}
