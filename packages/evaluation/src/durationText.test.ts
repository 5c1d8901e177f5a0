import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, formatWaitMinutes } from './durationText.ts';

describe('durations as a reader says them', () => {
  it.each([
    [45, { seconds: 45 }],
    [59.6, { minutes: 1 }],
    [12 * 60 + 20, { minutes: 12 }],
    [59 * 60 + 40, { hours: 1 }],
    [20 * 3600 + 18 * 60, { hours: 20, minutes: 18 }],
    [24 * 3600 - 10, { days: 1 }],
    [4.5 * 86_400, { days: 4, hours: 12 }],
  ])('%s s is %o: the two largest units, rounded to the smaller', (seconds, parts) => {
    expect(durationParts(seconds)).toEqual(parts);
  });

  it('writes every unit, in Dutch and in English (no bare "20 h 18")', () => {
    expect(formatDuration(20 * 3600 + 18 * 60, 'nl')).toBe('20 uur, 18 min');
    expect(formatDuration(20 * 3600 + 18 * 60, 'en')).toBe('20 hr, 18 min');
    expect(formatWaitMinutes(90, 'nl')).toBe('1 uur, 30 min');
    expect(formatWaitMinutes(90, 'en')).toBe('1 hr, 30 min');
    expect(formatDuration(4.5 * 86_400, 'nl')).toBe('4 dagen, 12 uur');
    expect(formatDuration(45, 'en')).toBe('45 sec');
  });

  it('writes no wait as "0 sec", not as nothing (a log with dates but no times has p90 waits of 0)', () => {
    for (const seconds of [0, 0.4, -3]) {
      expect(formatDuration(seconds, 'nl')).toBe('0 sec');
      expect(formatDuration(seconds, 'en')).toBe('0 sec');
    }
  });
});
