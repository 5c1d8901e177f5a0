import { describe, expect, it } from 'vitest';
import { happiness, lostTime } from './happiness.ts';

describe('happiness', () => {
  it('is %(9–10) − %(0–6)', () => {
    // 3 happy, 2 passive (7, 8), 5 unhappy of 10: 30 − 50
    expect(happiness([10, 9, 9, 8, 7, 6, 5, 3, 0, 1])).toBe(-20);
    expect(happiness([9, 10])).toBe(100);
    expect(happiness([0, 6])).toBe(-100);
    expect(happiness([7, 8])).toBe(0);
  });

  it('is null without scores and refuses scores off the scale', () => {
    expect(happiness([])).toBeNull();
    expect(() => happiness([5, 11])).toThrow(/scores\[1\]/);
  });
});

describe('lostTime', () => {
  it('is the mean of the minutes lost', () => {
    expect(lostTime([10, 20, 0, 30])).toBe(15);
    expect(lostTime([])).toBeNull();
    expect(() => lostTime([5, -1])).toThrow(/minutes\[1\]/);
  });
});
