import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney } from '@klantreis/schema';
import { addComment } from './commentMutations.ts';
import { journeyFromDoc, writeJourneyToDoc } from './journeyBinding.ts';
import { addStep, updateRecord } from './journeyMutations.ts';
import { replaceJourneyContent } from './journeyReplacement.ts';

describe('replaceJourneyContent (restoring a version)', () => {
  it('brings back the map of the version and deletes what was added since', () => {
    const doc = new Y.Doc();
    writeJourneyToDoc(doc, createBlankJourney('Versie', 'nl'));
    const phaseId = journeyFromDoc(doc).phases[0]!.id;
    const kept = addStep(doc, { phaseId, title: 'Bellen', score: 1 });
    const version = journeyFromDoc(doc);
    updateRecord(doc, kept, { score: -2, title: 'Lang bellen' });
    addStep(doc, { phaseId, title: 'Later toegevoegd' });
    replaceJourneyContent(doc, version);
    expect(journeyFromDoc(doc)).toEqual(version);
  });

  it('keeps the comments made since the version', () => {
    const doc = new Y.Doc();
    writeJourneyToDoc(doc, createBlankJourney('Versie', 'nl'));
    const phaseId = journeyFromDoc(doc).phases[0]!.id;
    const stepId = addStep(doc, { phaseId, title: 'Bellen', score: 1 });
    const version = journeyFromDoc(doc);
    const commentId = addComment(doc, { targetId: stepId, author: 'Anna', text: 'Hier haken klanten af' });
    updateRecord(doc, stepId, { score: -1 });
    replaceJourneyContent(doc, version);
    const restored = journeyFromDoc(doc);
    expect(restored.steps[0]!.score).toBe(1);
    expect(restored.comments.map((c) => c.id)).toEqual([commentId]);
  });
});
