import { describe, expect, it } from 'vitest';
import { spreadOffsets } from './chartKeys.ts';
import { decimalText, scoreText } from './formatNumbers.ts';

describe('chart helpers', () => {
  it('spreads points on the same spot around it and leaves lone points where they are', () => {
    const points = [{ at: 'a' }, { at: 'b' }, { at: 'a' }, { at: 'a' }];
    expect(spreadOffsets(points, (p) => p.at, 10)).toEqual([-10, 0, 0, 10]);
  });

  it('writes numbers as the evaluation sentences do, per language', () => {
    expect(decimalText(-0.7, 'nl')).toBe('−0,70');
    expect(decimalText(0.5, 'en')).toBe('0.50');
    expect(decimalText(-0.001, 'en')).toBe('0.00');
    expect(decimalText(null, 'en')).toBe('–');
    expect(scoreText(1.5, 'nl')).toBe('+1,5');
    expect(scoreText(null, 'nl')).toBe('–');
  });
});
