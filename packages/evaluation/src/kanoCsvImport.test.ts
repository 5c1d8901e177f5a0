import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { formatKanoCsvIssue, MAX_KANO_CSV_ISSUES, parseKanoCsv } from './kanoCsvImport.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

function journey() {
  return buildJourney({
    locale: 'nl',
    phases: [
      {
        steps: [
          { title: 'Wachtkamer', score: -1, kano: [{ id: 'coffee', text: 'Gratis koffie' }, { id: 'w1', text: 'Wifi' }] },
          { title: 'Balie', score: 1, kano: [{ id: 'fast', text: 'Snel geholpen' }, { id: 'w2', text: 'wifi' }] },
        ],
      },
    ],
  });
}

describe('parseKanoCsv', () => {
  it('classifies every answer pair in English and Dutch and counts them per element', () => {
    const doc = journey();
    const csv = [
      'respondent,element,functional,dysfunctional',
      'r1,Gratis koffie,like,neutral', // A
      'r2,gratis  KOFFIE,Leuk,ik kan ermee leven', // A
      'r3,coffee,I like it,dislike', // O
      'r4,coffee,vanzelfsprekend,niet leuk', // M
      'r5,coffee,like,like', // Q
      'r1,fast,neutral,dislike', // M
    ].join('\n');
    const result = parseKanoCsv(csv, doc);
    expect(result).toEqual({
      ok: true,
      answerCount: 6,
      elements: [
        { stepId: stepIdByTitle(doc, 'Wachtkamer'), elementId: 'coffee', text: 'Gratis koffie', responses: { A: 2, O: 1, M: 1, I: 0, R: 0, Q: 1 }, category: 'attractive', better: 0.75, worse: -0.5 },
        { stepId: stepIdByTitle(doc, 'Balie'), elementId: 'fast', text: 'Snel geholpen', responses: { A: 0, O: 0, M: 1, I: 0, R: 0, Q: 0 }, category: 'must-be', better: 0, worse: -1 },
      ],
    });
  });

  it('reads a Dutch spreadsheet: semicolons, Dutch headers, extra columns and quoted fields', () => {
    const csv = '\uFEFFTijdstip;Deelnemer;Element;Functioneel;Disfunctioneel\r\n"1-3-2025 10:00";"Jan";"Snel geholpen";"Dat verwacht ik";"Dat vind ik niet leuk"\r\n';
    const result = parseKanoCsv(csv, journey());
    expect(result.ok && result.elements.map((e) => [e.elementId, e.category])).toEqual([['fast', 'must-be']]);
  });

  it('names the line and the column of every problem, in the chosen language, and imports nothing', () => {
    const csv = [
      'respondent,element,functional,dysfunctional',
      'r1,Gratis koffie,like,neutral',
      'r2,Parkeerplaats,like,neutral',
      'r3,wifi,like,neutral',
      'r4,coffee,geweldig,neutral',
      ',coffee,like,',
      'r1,coffee,like,dislike',
    ].join('\n');
    const result = parseKanoCsv(csv, journey(), 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'element'],
      [4, 'element'],
      [5, 'functional'],
      [6, 'respondent'],
      [6, 'dysfunctional'],
      [7, 'respondent'],
    ]);
    expect(result.issues[0]!.message).toBe('no Kano element of this journey has the id or text “Parkeerplaats”');
    expect(result.issues[1]!.message).toMatch(/more than one Kano element \(“Wachtkamer”, “Balie”\): use the element id/);
    expect(result.issues[5]!.message).toBe('respondent “r1” already answered this element on line 2');
    expect(formatKanoCsvIssue(result.issues[2]!)).toMatch(/^line 5, functional: “geweldig” is not a Kano answer/);
    const dutch = parseKanoCsv(csv, journey(), 'nl');
    expect(!dutch.ok && formatKanoCsvIssue(dutch.issues[0]!, 'nl')).toBe('regel 3, element: geen Kano-element van deze klantreis heeft de id of tekst “Parkeerplaats”');
  });

  it('refuses a header without the needed columns, an empty file and an unclosed quote', () => {
    const doc = journey();
    const missing = parseKanoCsv('respondent;element;answer\nr1;coffee;like', doc);
    expect(!missing.ok && missing.issues.map((i) => [i.line, i.field])).toEqual([
      [1, 'functional'],
      [1, 'dysfunctional'],
    ]);
    expect(parseKanoCsv('', doc)).toMatchObject({ ok: false, issues: [{ line: 1, field: 'file' }] });
    expect(parseKanoCsv('respondent,element,functional,dysfunctional\n', doc)).toMatchObject({ ok: false, issues: [{ line: 2, field: 'file' }] });
    expect(parseKanoCsv('respondent,element,functional,dysfunctional\nr1,"coffee,like,like\n', doc)).toMatchObject({
      ok: false,
      issues: [{ line: 2, field: 'file', message: 'a quoted field is never closed' }],
    });
  });

  it('lists at most 50 problems and counts the rest', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `r${i},nothing,like,like`);
    const result = parseKanoCsv(['respondent,element,functional,dysfunctional', ...rows].join('\n'), journey());
    expect(!result.ok && [result.issues.length, result.moreIssues]).toEqual([MAX_KANO_CSV_ISSUES, 10]);
  });
});

describe('the Kano summary of an evaluation', () => {
  it('gives Better and Worse per element with responses (A=20, O=30, M=40, I=10 → 0.5 and −0.7)', () => {
    const doc = buildJourney([{ title: 'Stap', score: 0, kano: [{ text: 'Met antwoorden', category: 'must-be', responses: { A: 20, O: 30, M: 40, I: 10, R: 0, Q: 5 } }, { text: 'Zonder' }] }]);
    const [element, ...rest] = evaluateJourney(doc).kano;
    expect(rest).toEqual([]);
    expect(element).toMatchObject({ text: 'Met antwoorden', category: 'must-be', total: 105, better: 0.5, worse: -0.7 });
  });
});
