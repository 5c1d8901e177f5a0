import { describe, expect, it } from 'vitest';
import { toAxis } from './axisScale.ts';

describe('toAxis', () => {
  it('maps CSAT 1–5 onto −2..+2 as score − 3', () => {
    expect([1, 2, 3, 4, 5].map((v) => toAxis(v, 'csat'))).toEqual([-2, -1, 0, 1, 2]);
    expect(toAxis(4.5, 'csat')).toBe(1.5);
  });

  it('maps 0–10 as (score − 5) / 2.5', () => {
    expect([0, 5, 10, 9].map((v) => toAxis(v, 'zero-to-ten'))).toEqual([-2, 0, 2, 1.6]);
  });

  it('maps happiness −100..+100 as value / 50', () => {
    expect([-100, 0, 100, 25].map((v) => toAxis(v, 'happiness'))).toEqual([-2, 0, 2, 0.5]);
  });

  it('refuses values off the scale', () => {
    expect(() => toAxis(0, 'csat')).toThrow(/csat value must be a number from 1 to 5, got 0/);
    expect(() => toAxis(101, 'happiness')).toThrow(RangeError);
    expect(() => toAxis(Number.NaN, 'zero-to-ten')).toThrow(RangeError);
  });
});
