import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, cellId, createBlankJourney, validateJourneyDocument, type PhaseId, type StepId } from '@klantreis/schema';
import { metaOf, recordsOf } from './documentShape.ts';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addAction } from './actionMutations.ts';
import { addPhase, addStep, deletePhase, moveStep, setCellText, updateRecord } from './journeyMutations.ts';
import { RecordValidationError } from './recordBinding.ts';
import { upgradeDocSchema } from './schemaUpgrade.ts';

/** The migrations added after version 10, applied after those each test names. */
const SINCE_VERSION_11 = ['klantreis.journey/11', 'klantreis.action/12', 'klantreis.step/13', 'klantreis.link/14'];

function docWithSteps(count: number) {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const phaseId = journeyFromDoc(doc).phases[0]!.id;
  const stepIds = Array.from({ length: count }, (_, i) => addStep(doc, { phaseId, title: `Stap ${i + 1}` }));
  return { doc, phaseId, stepIds };
}

/** Two replicas of one document that exchange updates only when `sync` is called. */
function twoReplicas() {
  const { doc: a, phaseId, stepIds } = docWithSteps(3);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { a, b, sync, phaseId, stepIds };
}

describe('journey ↔ Yjs binding', () => {
  it('round-trips a journey through the document unchanged and valid', () => {
    const { doc } = docWithSteps(4);
    const journey = journeyFromDoc(doc);
    const copy = new Y.Doc();
    writeJourneyToDoc(copy, journey);
    expect(journeyFromDoc(copy)).toEqual(journey);
    expect(validateJourneyDocument(journey).ok).toBe(true);
    expect(metaOf(copy).get('schemaVersion')).toBe(journey.schemaVersion);
  });

  it('returns steps in phase order, then index order', () => {
    const { doc, phaseId, stepIds } = docWithSteps(3);
    const first = addPhase(doc, { name: 'Eerst', position: 0 });
    moveStep(doc, stepIds[2]!, { phaseId: first, position: 0 });
    moveStep(doc, stepIds[0]!, { phaseId, position: 99 });
    expect(journeyFromDoc(doc).steps.map((s) => s.title)).toEqual(['Stap 3', 'Stap 2', 'Stap 1']);
  });

  it('refuses an invalid edit with the field named, and leaves the document unchanged', () => {
    const { doc, stepIds } = docWithSteps(1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateRecord(doc, stepIds[0]!, { score: 3 })).toThrow(RecordValidationError);
    expect(() => updateRecord(doc, stepIds[0]!, { score: 3 })).toThrow(/score/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('deleting a phase deletes its steps and their cells', () => {
    const { doc, phaseId, stepIds } = docWithSteps(2);
    addPhase(doc, { name: 'Tweede' });
    const laneId = journeyFromDoc(doc).lanes[0]!.id;
    setCellText(doc, laneId, stepIds[0]!, 'tekst');
    deletePhase(doc, phaseId);
    expect(journeyFromDoc(doc).steps).toEqual([]);
    expect(recordsOf(doc).has(cellId(laneId, stepIds[0]!))).toBe(false);
  });
});

describe('concurrent editing', () => {
  it('keeps both edits to different fields of one step', () => {
    const { a, b, sync, stepIds } = twoReplicas();
    updateRecord(a, stepIds[0]!, { score: -2 });
    updateRecord(b, stepIds[0]!, { title: 'Nieuwe titel' });
    sync();
    const step = journeyFromDoc(a).steps.find((s) => s.id === stepIds[0]);
    expect(step).toMatchObject({ score: -2, title: 'Nieuwe titel' });
    expect(journeyFromDoc(b)).toEqual(journeyFromDoc(a));
  });

  it('merges typing in the same cell character by character', () => {
    const { a, b, sync, stepIds } = twoReplicas();
    const laneId = journeyFromDoc(a).lanes[2]!.id;
    setCellText(a, laneId, stepIds[1]!, 'wachten');
    sync();
    setCellText(a, laneId, stepIds[1]!, 'lang wachten');
    setCellText(b, laneId, stepIds[1]!, 'wachten!');
    sync();
    expect(journeyFromDoc(a).cells[0]!.text).toBe('lang wachten!');
    expect(journeyFromDoc(b).cells[0]!.text).toBe('lang wachten!');
  });

  it('two people moving the same step end with one step', () => {
    const { a, b, sync, phaseId, stepIds } = twoReplicas();
    const other = addPhase(a, { name: 'Andere fase' });
    sync();
    moveStep(a, stepIds[0]!, { phaseId, position: 3 });
    moveStep(b, stepIds[0]!, { phaseId: other as PhaseId, position: 0 });
    sync();
    const steps = journeyFromDoc(a).steps;
    expect(steps.filter((s) => s.id === stepIds[0])).toHaveLength(1);
    expect(steps).toHaveLength(3);
    expect(journeyFromDoc(b)).toEqual(journeyFromDoc(a));
  });

  it('leaves out a step added to a phase that someone else deleted', () => {
    const { a, b, sync } = twoReplicas();
    const extra = addPhase(a, { name: 'Weg' });
    sync();
    deletePhase(a, extra);
    addStep(b, { phaseId: extra, title: 'Wees' });
    sync();
    expect(journeyFromDoc(a).steps.map((s) => s.title)).not.toContain('Wees');
    expect(validateJourneyDocument(journeyFromDoc(b)).ok).toBe(true);
  });
});

describe('upgradeDocSchema', () => {
  it('migrates a stored version-1 document with the import migrations', () => {
    const { doc, stepIds } = docWithSteps(2);
    const step = recordsOf(doc).get(stepIds[1] as StepId)!;
    doc.transact(() => {
      metaOf(doc).set('schemaVersion', 1);
      step.delete('score');
      step.delete('wait');
      step.delete('targetScore');
      step.set('satisfaction', -1);
      step.set('waitMinutes', 30);
    });
    expect(upgradeDocSchema(doc)).toEqual(['klantreis.step/2', 'klantreis.step/3', 'klantreis.step/4', 'klantreis.action/5', 'klantreis.step/6', 'klantreis.indicator/7', 'klantreis.comment/8', 'klantreis.capture/9', 'klantreis.vote/10', ...SINCE_VERSION_11]);
    const upgraded = journeyFromDoc(doc, { validate: true });
    expect(upgraded.steps[1]).toMatchObject({ score: -1, targetScore: null, wait: { moment: 'before', minutes: 30 } });
    expect(step.has('satisfaction')).toBe(false);
    expect(upgradeDocSchema(doc)).toEqual([]);
  });

  it('keeps the improvement actions of a version-4 document', () => {
    const { doc, stepIds } = docWithSteps(1);
    const actionId = addAction(doc, { title: 'Bel terug', stepIds: [stepIds[0]!] });
    metaOf(doc).set('schemaVersion', 4);
    expect(upgradeDocSchema(doc)).toEqual(['klantreis.action/5', 'klantreis.step/6', 'klantreis.indicator/7', 'klantreis.comment/8', 'klantreis.capture/9', 'klantreis.vote/10', ...SINCE_VERSION_11]);
    expect(journeyFromDoc(doc, { validate: true }).actions.map((a) => a.id)).toEqual([actionId]);
  });

  it('gives the steps of a version-5 document an empty activity mapping', () => {
    const { doc, stepIds } = docWithSteps(2);
    const step = recordsOf(doc).get(stepIds[0] as StepId)!;
    doc.transact(() => {
      metaOf(doc).set('schemaVersion', 5);
      step.delete('activityPatterns');
      step.delete('journeyEnd');
    });
    expect(journeyFromDoc(doc, { validate: true }).steps.map((s) => s.id)).toEqual([stepIds[1]]);
    expect(upgradeDocSchema(doc)).toEqual(['klantreis.step/6', 'klantreis.indicator/7', 'klantreis.comment/8', 'klantreis.capture/9', 'klantreis.vote/10', ...SINCE_VERSION_11]);
    const upgraded = journeyFromDoc(doc, { validate: true });
    expect(upgraded.steps.map((s) => [s.activityPatterns, s.journeyEnd])).toEqual([
      [[], false],
      [[], false],
    ]);
    expect(upgraded.indicators).toEqual([]);
  });

  it('upgrades a version-7 document to the workshop records and keeps everything in it', () => {
    const { doc, stepIds } = docWithSteps(1);
    metaOf(doc).set('schemaVersion', 7);
    expect(upgradeDocSchema(doc)).toEqual(['klantreis.comment/8', 'klantreis.capture/9', 'klantreis.vote/10', ...SINCE_VERSION_11]);
    const upgraded = journeyFromDoc(doc, { validate: true });
    expect(upgraded.steps.map((s) => s.id)).toEqual(stepIds);
    expect([upgraded.comments, upgraded.captures, upgraded.votes]).toEqual([[], [], []]);
    expect(metaOf(doc).get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });
});
