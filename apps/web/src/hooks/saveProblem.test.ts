import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '@klantreis/sync';
import { saveProblemOf, storeRetryDelay } from './saveProblem.ts';

describe('save problems named by the server’s close codes', () => {
  it('stops on a refused update, retries a failed store, and leaves every other close to the provider', () => {
    expect(saveProblemOf(CLOSE_CODES.updateRefused.code)).toBe('refused');
    expect(saveProblemOf(1009)).toBe('refused'); // over the server's message size limit
    expect(saveProblemOf(1003)).toBe('refused'); // a message the server cannot decode
    expect(saveProblemOf(CLOSE_CODES.storeFailed.code)).toBe('store-failed');
    for (const { code } of [CLOSE_CODES.protocolOutdated, CLOSE_CODES.journeyNotFound, CLOSE_CODES.loadFailed]) {
      expect(saveProblemOf(code)).toBeNull();
    }
    expect(saveProblemOf(1006)).toBeNull(); // the network went away
    expect(saveProblemOf(1000)).toBeNull(); // a normal close
  });

  it('waits twice as long after each failed store in a row, at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(storeRetryDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
