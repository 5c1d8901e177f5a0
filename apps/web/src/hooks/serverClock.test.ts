import { describe, expect, it } from 'vitest';
import { clockOffset } from './serverClock.ts';

describe('clockOffset', () => {
  it('takes the server to have read its clock halfway through the round trip', () => {
    // A browser 3 minutes behind: sent at 1,000, answered at 1,100, the server said 181,050.
    expect(clockOffset(1_000, 1_100, 181_050)).toBe(180_000);
    // A browser ahead of the server.
    expect(clockOffset(50_000, 50_020, 20_010)).toBe(-30_000);
  });
});
