import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createBlankJourney } from './blankJourney.ts';
import { cellId } from './ids.ts';
import { validateJourneyDocument } from './journeyDocument.ts';
import { parseJourneyJson } from './journeyImport.ts';
import { journeyJsonSchema } from './jsonSchema.ts';
import { createActionRecord } from './actionRecord.ts';
import { createIndicatorRecord } from './indicatorRecord.ts';
import { createKanoElement, createStepRecord } from './stepRecord.ts';
import type { JourneyDocument } from './journeyDocument.ts';

function journeyWithOneStep(): JourneyDocument {
  const journey = createBlankJourney('Test', 'en');
  const step = createStepRecord({ phaseId: journey.phases[0]!.id, index: 'a0', title: 'Park the car', score: 1 });
  journey.steps.push(step);
  journey.cells.push({ id: cellId(journey.lanes[0]!.id, step.id), laneId: journey.lanes[0]!.id, stepId: step.id, text: 'Drives in' });
  return journey;
}

describe('validateJourneyDocument', () => {
  it('accepts a blank journey and one with a step and a cell', () => {
    expect(validateJourneyDocument(createBlankJourney('Blank')).ok).toBe(true);
    expect(validateJourneyDocument(journeyWithOneStep()).ok).toBe(true);
  });

  it('names the field of a score outside −2..+2, an unknown channel and an oversized cell', () => {
    const journey = journeyWithOneStep() as unknown as { steps: Record<string, unknown>[]; cells: { text: string }[] };
    journey.steps[0]!.score = 3;
    journey.steps[0]!.touchpoints = [{ id: 't1', channel: 'pigeon', customChannel: '', name: '', department: '', importance: null }];
    journey.cells[0]!.text = 'x'.repeat(10_001);
    const result = validateJourneyDocument(journey);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('steps[0].score');
    expect(paths).toContain('steps[0].touchpoints[0].channel');
    expect(paths).toContain('cells[0].text');
  });

  it('reports broken references and duplicate ids', () => {
    const journey = journeyWithOneStep();
    journey.steps[0]!.phaseId = 'phase:missing';
    journey.lanes.push({ ...journey.lanes[1]!, id: journey.lanes[0]!.id });
    const result = validateJourneyDocument(journey);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: 'steps[0].phaseId', message: 'no phase with id phase:missing' });
    expect(result.issues.some((i) => i.path === 'lanes[9].id' && i.message.startsWith('duplicate id'))).toBe(true);
  });

  it('checks improvement actions: their steps must exist, their due date must be a real day', () => {
    const journey = journeyWithOneStep();
    const stepId = journey.steps[0]!.id;
    journey.actions.push(createActionRecord({ index: 'a0', title: 'Betere bewegwijzering', stepIds: [stepId], dueDate: '2025-02-28', sourceRule: 'peak-end.weak-end' }));
    expect(validateJourneyDocument(journey).ok).toBe(true);

    journey.actions.push(createActionRecord({ index: 'a1', stepIds: ['step:gone'], dueDate: '2025-02-30' }));
    journey.actions.push({ ...journey.actions[0]!, index: 'a2', status: 'someday' as never });
    const result = validateJourneyDocument(journey);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: 'actions[1].dueDate', message: 'must be a date that exists' });
    expect(result.issues.map((i) => i.path)).toContain('actions[2].status');
    // The reference check runs once every record is valid on its own.
    journey.actions.splice(1, 2, createActionRecord({ index: 'a1', stepIds: ['step:gone'] }));
    expect(validateJourneyDocument(journey)).toEqual({ ok: false, issues: [{ path: 'actions[1].stepIds[0]', message: 'no step with id step:gone' }] });
  });

  it('accepts a target score and Kano responses on a step, and refuses a negative count', () => {
    const journey = journeyWithOneStep();
    journey.steps[0]!.targetScore = 2;
    journey.steps[0]!.kano = [createKanoElement({ text: 'Gratis koffie', responses: { A: 3, O: 1, M: 0, I: 2, R: 0, Q: 1 }, category: 'attractive' })];
    expect(validateJourneyDocument(journey).ok).toBe(true);
    journey.steps[0]!.kano[0]!.responses!.M = -1;
    journey.steps[0]!.targetScore = 3 as never;
    const result = validateJourneyDocument(journey);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['steps[0].targetScore', 'steps[0].kano[0].responses.M']);
  });

  it('checks activity patterns on steps and XLA indicators: their step must exist, the metric must be known', () => {
    const journey = journeyWithOneStep();
    const stepId = journey.steps[0]!.id;
    journey.steps[0]!.activityPatterns = ['register request', 'W_Completeren*'];
    journey.steps[0]!.journeyEnd = true;
    journey.indicators.push(createIndicatorRecord({ index: 'a0', name: 'Wachttijd', kind: 'O', metric: 'wait-p90', stepId, direction: 'at-most', target: 30, margin: 5 }));
    expect(validateJourneyDocument(journey).ok).toBe(true);

    journey.steps[0]!.activityPatterns = [' padded '];
    journey.indicators.push({ ...createIndicatorRecord({ index: 'a1' }), metric: 'nps' as never, period: 'day' as never });
    const invalid = validateJourneyDocument(journey);
    expect(invalid.ok ? [] : invalid.issues.map((i) => i.path)).toEqual(['steps[0].activityPatterns[0]', 'indicators[1].metric', 'indicators[1].period']);

    journey.steps[0]!.activityPatterns = [];
    journey.indicators.splice(1, 1, createIndicatorRecord({ index: 'a1', metric: 'drop-off-rate', stepId: 'step:gone' }));
    expect(validateJourneyDocument(journey)).toEqual({ ok: false, issues: [{ path: 'indicators[1].stepId', message: 'no step with id step:gone' }] });
  });

  it('reports a syntax error in JSON text as an issue, not an exception', () => {
    const result = parseJourneyJson('{"schemaVersion": 3,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/^not valid JSON/);
  });
});

describe('the published JSON Schema', () => {
  const file = JSON.parse(readFileSync(new URL('../journey.schema.json', import.meta.url), 'utf8'));

  it('is up to date with the validators (regenerate: node packages/schema/scripts/writeJsonSchema.ts)', () => {
    expect(file).toEqual(journeyJsonSchema());
  });

  it('accepts what the app exports and rejects an out-of-range score', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(file);
    const journey = journeyWithOneStep();
    expect(validate(journey)).toBe(true);
    journey.steps[0]!.score = -3 as never;
    expect(validate(journey)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/steps/0/score')).toBe(true);
  });
});
