import { describe, expect, it } from 'vitest';
import { createBlankJourney } from './blankJourney.ts';
import { cellId } from './ids.ts';
import { compareJourneys } from './journeyComparison.ts';
import { createStepRecord } from './stepRecord.ts';

function journeyWithSteps() {
  const journey = createBlankJourney('Vergelijk', 'nl');
  const phaseId = journey.phases[0]!.id;
  journey.steps = ['a0', 'a1', 'a2'].map((index, i) => createStepRecord({ phaseId, index, title: `Stap ${i + 1}`, score: 1 }));
  return journey;
}

describe('compareJourneys', () => {
  it('finds nothing between a journey and a copy with its keys in another order', () => {
    const journey = journeyWithSteps();
    const reordered = JSON.parse(JSON.stringify(journey, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ));
    expect(compareJourneys(journey, reordered).unchanged).toBe(true);
  });

  it('lists added, removed and changed steps, with the changed fields and lane texts', () => {
    const before = journeyWithSteps();
    const after = structuredClone(before);
    after.steps[1]!.score = -2;
    after.steps.splice(0, 1);
    after.steps.push(createStepRecord({ phaseId: before.phases[0]!.id, index: 'a3', title: 'Nieuw' }));
    const lane = before.lanes[0]!;
    after.cells.push({ id: cellId(lane.id, before.steps[2]!.id), laneId: lane.id, stepId: before.steps[2]!.id, text: 'Nieuwe tekst' });
    const diff = compareJourneys(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.stepsRemoved.map((s) => s.title)).toEqual(['Stap 1']);
    expect(diff.stepsAdded.map((s) => s.title)).toEqual(['Nieuw']);
    expect(diff.stepsChanged.map((c) => [c.title, c.fields])).toEqual([
      ['Stap 2', ['score']],
      ['Stap 3', [`cell:${lane.id}`]],
    ]);
    expect(diff.curves.before.map((p) => p.score)).toEqual([1, 1, 1]);
    expect(diff.curves.after.map((p) => p.score)).toEqual([-2, 1, null]);
  });

  it('notices a renamed phase and a changed journey record', () => {
    const before = journeyWithSteps();
    const after = structuredClone(before);
    after.phases[0]!.name = 'Oriëntatie';
    expect(compareJourneys(before, after).phasesRenamed).toEqual([{ phaseId: before.phases[0]!.id, before: '', after: 'Oriëntatie' }]);
    const owner = structuredClone(before);
    owner.journey.owner = 'Team CX';
    expect(compareJourneys(before, owner).unchanged).toBe(false);
  });
});
