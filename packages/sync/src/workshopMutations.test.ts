import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney, DOTS_PER_PARTICIPANT, validateJourneyDocument } from '@klantreis/schema';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep, deleteLane, setCellText } from './journeyMutations.ts';
import { RecordValidationError } from './recordBinding.ts';
import { addCapture, castDot, deleteCapture, placeCaptureAsStep, placeCaptureInCell } from './workshopMutations.ts';

function workshopDoc() {
  const doc = new Y.Doc();
  writeJourneyToDoc(doc, createBlankJourney('Reis', 'nl'));
  const journey = journeyFromDoc(doc);
  const phaseId = journey.phases[0]!.id;
  const stepId = addStep(doc, { phaseId, title: 'Bellen' });
  const painPoints = journey.lanes.find((l) => l.kind === 'pain-points')!.id;
  return { doc, phaseId, stepId, painPoints };
}

describe('the quick-capture inbox', () => {
  it('collects items in the order they were said and places them as a step or in a pain-point cell', () => {
    const { doc, phaseId, stepId, painPoints } = workshopDoc();
    const asStep = addCapture(doc, { kind: 'step', text: 'Brief  ontvangen\n', author: 'Anna', createdAt: 2 });
    const asPain = addCapture(doc, { kind: 'pain-point', text: 'Lang in de wacht', author: 'Bram', createdAt: 1 });
    const dropped = addCapture(doc, { kind: 'step', text: 'Dubbel', author: 'Bram', createdAt: 3 });
    expect(journeyFromDoc(doc).captures.map((c) => c.id)).toEqual([asPain, asStep, dropped]);

    const newStep = placeCaptureAsStep(doc, asStep, phaseId);
    setCellText(doc, painPoints, stepId, 'Al bekend');
    placeCaptureInCell(doc, asPain, painPoints, stepId);
    deleteCapture(doc, dropped);

    const journey = journeyFromDoc(doc);
    expect(journey.captures).toEqual([]);
    expect(journey.steps.map((s) => [s.id, s.title])).toEqual([
      [stepId, 'Bellen'],
      [newStep, 'Brief ontvangen'],
    ]);
    expect(journey.cells.find((c) => c.stepId === stepId && c.laneId === painPoints)!.text).toBe('Al bekend\nLang in de wacht');
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });
});

describe('dot voting', () => {
  it('counts each participant’s dots per cell, up to their number of dots', () => {
    const { doc, stepId, painPoints } = workshopDoc();
    const anna = { key: 'a1', name: 'Anna' };
    const bram = { key: 'b2', name: 'Bram' };
    castDot(doc, anna, painPoints, stepId, 1);
    castDot(doc, anna, painPoints, stepId, 1);
    castDot(doc, bram, painPoints, stepId, 1);
    expect(journeyFromDoc(doc).votes.map((v) => [v.voter, v.dots])).toEqual([
      ['Anna', 2],
      ['Bram', 1],
    ]);
    for (let i = 2; i < DOTS_PER_PARTICIPANT; i++) castDot(doc, anna, painPoints, stepId, 1);
    expect(() => castDot(doc, anna, painPoints, stepId, 1)).toThrow(RecordValidationError);
    castDot(doc, bram, painPoints, stepId, -1);
    castDot(doc, bram, painPoints, stepId, -1); // nothing left to take back: no change
    const journey = journeyFromDoc(doc);
    expect(journey.votes.map((v) => [v.voter, v.dots])).toEqual([['Anna', DOTS_PER_PARTICIPANT]]);
    expect(validateJourneyDocument(journey).ok).toBe(true);
  });

  it('leaves out the votes on a lane that was deleted', () => {
    const { doc, stepId } = workshopDoc();
    const custom = journeyFromDoc(doc).lanes.find((l) => l.kind === 'opportunities')!.id;
    castDot(doc, { key: 'a1', name: 'Anna' }, custom, stepId, 1);
    deleteLane(doc, custom);
    expect(journeyFromDoc(doc).votes).toEqual([]);
  });
});
