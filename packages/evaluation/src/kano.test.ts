import { describe, expect, it } from 'vitest';
import {
  KANO_ANSWERS,
  classifyKano,
  classifyKanoAnswer,
  countKanoResponses,
  kanoBetter,
  kanoCategory,
  kanoClassToCategory,
  kanoWorse,
  parseKanoAnswer,
  type KanoCounts,
} from './kano.ts';

// The evaluation table of PRODUCT.md, copied as text so that the test does not share the module's data.
const TABLE = `
          like  must-be  neutral  live-with  dislike
like       Q     A        A        A          O
must-be    R     I        I        I          M
neutral    R     I        I        I          M
live-with  R     I        I        I          M
dislike    R     R        R        R          Q
`;

function expectedTable(): Array<[string, string, string]> {
  const [header, ...rows] = TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));
  return rows.flatMap(([functional, ...cells]) => cells.map((cell, i): [string, string, string] => [functional!, header![i]!, cell]));
}

const counts = (partial: Partial<KanoCounts>): KanoCounts => ({ A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0, ...partial });

describe('the Kano evaluation table', () => {
  it('has 25 cells', () => {
    expect(expectedTable()).toHaveLength(25);
  });

  it.each(expectedTable())('functional %s, dysfunctional %s is %s', (functional, dysfunctional, expected) => {
    expect(classifyKanoAnswer(parseKanoAnswer(functional)!, parseKanoAnswer(dysfunctional)!)).toBe(expected);
  });
});

describe('parseKanoAnswer', () => {
  it('accepts the English and Dutch words, in any case', () => {
    const cases: Array<[string, string]> = [
      ['like', 'like'],
      ['I like it', 'like'],
      ['Leuk', 'like'],
      ['prettig', 'like'],
      ['must-be', 'must-be'],
      ['Must be', 'must-be'],
      ['I expect it', 'must-be'],
      ['vanzelfsprekend', 'must-be'],
      ['Verwacht', 'must-be'],
      ['neutral', 'neutral'],
      ['NEUTRAAL', 'neutral'],
      ['Dat maakt me niet uit', 'neutral'],
      ['live-with', 'live-with'],
      ['live_with', 'live-with'],
      ['I can live with it.', 'live-with'],
      ['kan ermee leven', 'live-with'],
      ['Ik kan er  mee leven', 'live-with'],
      ['accepteer', 'live-with'],
      ['dislike', 'dislike'],
      ['niet leuk', 'dislike'],
      ['Vervelend', 'dislike'],
      ['  Dat vind ik vervelend ', 'dislike'],
    ];
    for (const [word, answer] of cases) expect(parseKanoAnswer(word), word).toBe(answer);
    for (const answer of KANO_ANSWERS) expect(parseKanoAnswer(answer)).toBe(answer);
  });

  it('returns null for words it does not know', () => {
    expect(parseKanoAnswer('maybe')).toBeNull();
    expect(parseKanoAnswer('')).toBeNull();
    expect(parseKanoAnswer('leukk')).toBeNull();
  });
});

describe('counting a questionnaire', () => {
  it('classifies each response with the table, words in either language', () => {
    const result = countKanoResponses([
      { functional: 'like', dysfunctional: 'dislike' }, // O
      { functional: 'leuk', dysfunctional: 'neutraal' }, // A
      { functional: 'vanzelfsprekend', dysfunctional: 'vervelend' }, // M
      { functional: 'neutral', dysfunctional: 'kan ermee leven' }, // I
      { functional: 'niet leuk', dysfunctional: 'leuk' }, // R
      { functional: 'like', dysfunctional: 'like' }, // Q
    ]);
    expect(result).toEqual(counts({ A: 1, O: 1, M: 1, I: 1, R: 1, Q: 1 }));
  });

  it('names the response and the field of a word it does not know', () => {
    expect(() => countKanoResponses([{ functional: 'like', dysfunctional: 'dislike' }, { functional: 'like', dysfunctional: 'meh' }])).toThrow(
      'responses[1].dysfunctional: unknown Kano answer "meh"',
    );
  });
});

describe('Better and Worse', () => {
  it('gives 0.50 and −0.70 for A=20, O=30, M=40, I=10', () => {
    const c = counts({ A: 20, O: 30, M: 40, I: 10 });
    expect(kanoBetter(c)).toBeCloseTo(0.5, 10);
    expect(kanoWorse(c)).toBeCloseTo(-0.7, 10);
  });

  it('leaves R and Q out of the denominator', () => {
    const c = counts({ A: 20, O: 30, M: 40, I: 10, R: 50, Q: 50 });
    expect(kanoBetter(c)).toBeCloseTo(0.5, 10);
    expect(kanoWorse(c)).toBeCloseTo(-0.7, 10);
  });

  it('is null without A, O, M or I answers', () => {
    expect(kanoBetter(counts({ R: 3, Q: 1 }))).toBeNull();
    expect(kanoWorse(counts({}))).toBeNull();
  });
});

describe('the category', () => {
  it('is the most frequent class', () => {
    expect(kanoCategory(counts({ A: 20, O: 30, M: 40, I: 10 }))).toBe('M');
    expect(kanoCategory(counts({ A: 5, O: 2, M: 1, I: 4 }))).toBe('A');
    expect(kanoCategory(counts({ A: 1, I: 4 }))).toBe('I');
  });

  it('breaks ties M > O > A > I', () => {
    expect(kanoCategory(counts({ A: 3, O: 3, M: 3, I: 3 }))).toBe('M');
    expect(kanoCategory(counts({ A: 3, O: 3, M: 2, I: 3 }))).toBe('O');
    expect(kanoCategory(counts({ A: 3, O: 1, M: 2, I: 3 }))).toBe('A');
    expect(kanoCategory(counts({ I: 3, A: 3 }))).toBe('A');
    expect(kanoCategory(counts({ I: 3, O: 3 }))).toBe('O');
    expect(kanoCategory(counts({ M: 2, I: 2 }))).toBe('M');
  });

  it('makes R the category only when strictly most frequent, and Q never', () => {
    expect(kanoCategory(counts({ R: 4, I: 3 }))).toBe('R');
    expect(kanoCategory(counts({ R: 3, I: 3 }))).toBe('I');
    expect(kanoCategory(counts({ Q: 10, A: 1 }))).toBe('A');
    expect(kanoCategory(counts({ Q: 10 }))).toBeNull();
    expect(kanoCategory(counts({}))).toBeNull();
  });

  it("maps to the schema's categories", () => {
    expect(kanoClassToCategory('A')).toBe('attractive');
    expect(kanoClassToCategory('O')).toBe('performance');
    expect(kanoClassToCategory('M')).toBe('must-be');
    expect(kanoClassToCategory('I')).toBe('indifferent');
    expect(kanoClassToCategory('R')).toBe('reverse');
    expect(kanoClassToCategory('Q')).toBeNull();
  });

  it('classifies a whole questionnaire', () => {
    const responses = [
      ...Array.from({ length: 3 }, () => ({ functional: 'like', dysfunctional: 'neutral' })),
      ...Array.from({ length: 2 }, () => ({ functional: 'neutral', dysfunctional: 'dislike' })),
    ];
    expect(classifyKano(responses)).toEqual({
      counts: counts({ A: 3, M: 2 }),
      better: 0.6,
      worse: -0.4,
      kanoClass: 'A',
      category: 'attractive',
    });
  });
});
