import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, ModelOptionError, modelFromOptions } from './modelOptions.ts';

describe('modelFromOptions', () => {
  it('reads peak-end by default, mean, and weighted with text weights', () => {
    expect(modelFromOptions({})).toEqual({ kind: 'peak-end' });
    expect(modelFromOptions({ model: 'mean', start: 'ignored' })).toEqual({ kind: 'mean' });
    expect(modelFromOptions({ model: 'weighted', start: '0.5', peak: '2', end: 3 })).toEqual({ kind: 'weighted', start: 0.5, peak: 2, end: 3 });
    expect(modelFromOptions({ model: 'weighted' })).toEqual({ kind: 'weighted', ...DEFAULT_WEIGHTS });
  });

  it('names the option that is wrong', () => {
    const fieldOf = (options: Parameters<typeof modelFromOptions>[0]): [string, string] | null => {
      try {
        modelFromOptions(options);
        return null;
      } catch (error) {
        if (error instanceof ModelOptionError) return [error.field, error.message];
        throw error;
      }
    };
    expect(fieldOf({ model: 'median' })).toEqual(['model', 'model: must be peak-end, mean or weighted, got "median"']);
    expect(fieldOf({ model: 'weighted', peak: '-1' })).toEqual(['peak', 'peak: a weight must be a number of 0 or more, got "-1"']);
    expect(fieldOf({ model: 'weighted', start: 'veel' })![0]).toBe('start');
    expect(fieldOf({ model: 'weighted', start: 0, peak: 0, end: 0 })![0]).toBe('end');
  });
});
