import { describe, expect, it } from 'vitest';
import { explainRememberedModel } from './messages.ts';
import { assertRememberedModel, mostIntenseIndex, rememberedScore } from './rememberedModel.ts';

describe('rememberedScore', () => {
  it("holds Kahneman's published pair on a 0–10 scale", () => {
    // Redelmeier & Kahneman: what is remembered is the mean of the peak and the end.
    expect(rememberedScore([2, 5, 8, 7])).toBe(7.5);
    expect(rememberedScore([2, 5, 8, 1])).toBe(4.5);
    expect(rememberedScore([8, 7])).toBe(7.5);
    expect(rememberedScore([8, 1])).toBe(4.5);
  });

  it('takes the largest |score| as the peak, a tie going to the negative one', () => {
    expect(rememberedScore([1, 2, -1, 1])).toBe(1.5); // peak +2
    expect(rememberedScore([2, -2, 1])).toBe(-0.5); // +2 and −2 tie: −2 counts
    expect(rememberedScore([-2, 2, 1])).toBe(-0.5);
    expect(rememberedScore([1, -1, 1])).toBe(0); // +1 and −1 tie: −1 counts
  });

  it('lets the last step be the peak too', () => {
    expect(rememberedScore([0, 1, -2])).toBe(-2);
    expect(rememberedScore([1])).toBe(1);
  });

  it('is null without scores', () => {
    expect(rememberedScore([])).toBeNull();
  });

  it('measures intensity from the neutral point of the scale', () => {
    // CSAT 1–5: 3 is neutral, so 1 (very dissatisfied) is more intense than 4.
    expect(rememberedScore([4, 1, 4], { kind: 'peak-end' }, 3)).toBe(2.5);
    expect(rememberedScore([4, 1, 4], { kind: 'peak-end' })).toBe(4);
  });

  it('computes the mean model', () => {
    expect(rememberedScore([2, -2, 1, 1], { kind: 'mean' })).toBe(0.5);
  });

  it('computes the weighted model, normalised by the sum of the weights', () => {
    const model = { kind: 'weighted', start: 1, peak: 2, end: 3 } as const;
    // start −1, most intense +2, end +1: (−1 + 4 + 3) / 6 = 1
    expect(rememberedScore([-1, 2, 0, 1], model)).toBe(1);
    expect(rememberedScore([-1, 2, 0, 1], { kind: 'weighted', start: 2, peak: 4, end: 6 })).toBe(1);
    // equal peak and end weights and no start weight is the peak-end rule
    expect(rememberedScore([2, 5, 8, 1], { kind: 'weighted', start: 0, peak: 1, end: 1 })).toBe(4.5);
  });

  it('refuses weights it cannot compute, naming the field', () => {
    expect(() => rememberedScore([1], { kind: 'weighted', start: -1, peak: 1, end: 1 })).toThrow(/model\.start/);
    expect(() => rememberedScore([1], { kind: 'weighted', start: 0, peak: Number.NaN, end: 1 })).toThrow(/model\.peak/);
    expect(() => assertRememberedModel({ kind: 'weighted', start: 0, peak: 0, end: 0 })).toThrow(/all be 0/);
    expect(() => assertRememberedModel({ kind: 'median' } as unknown as { kind: 'mean' })).toThrow(/model\.kind/);
  });
});

describe('mostIntenseIndex', () => {
  it('picks the first of equal scores', () => {
    expect(mostIntenseIndex([-2, 1, -2])).toBe(0);
    expect(mostIntenseIndex([1, 2, -2])).toBe(2);
    expect(mostIntenseIndex([])).toBe(-1);
  });
});

describe('explainRememberedModel', () => {
  it('explains each model in one sentence in Dutch and English', () => {
    for (const model of [{ kind: 'peak-end' }, { kind: 'mean' }, { kind: 'weighted', start: 1, peak: 1.5, end: 2 }] as const) {
      const nl = explainRememberedModel(model, 'nl');
      const en = explainRememberedModel(model, 'en');
      expect(nl).not.toBe(en);
      for (const sentence of [nl, en]) {
        expect(sentence).toMatch(/^[A-Z].*\.$/u);
        expect(sentence).not.toMatch(/\.\s/u);
      }
    }
    expect(explainRememberedModel({ kind: 'weighted', start: 1, peak: 1.5, end: 2 }, 'nl')).toContain('1,5×');
    expect(explainRememberedModel({ kind: 'weighted', start: 1, peak: 1.5, end: 2 }, 'en')).toContain('1.5×');
  });
});
