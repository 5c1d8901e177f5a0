import { describe, expect, it } from 'vitest';
import { durationText, momentText, periodText } from './formatMeasures.ts';

describe('the dashboard names periods and durations in words', () => {
  it('names a period by its kind, not by its first day', () => {
    expect(periodText('2011-12-01', 'month', 'nl')).toBe('dec 2011');
    expect(periodText('2011-12-01', 'month', 'en')).toBe('Dec 2011');
    expect(periodText('2011-10-01', 'quarter', 'nl')).toBe('K4 2011');
    expect(periodText('2011-10-01', 'quarter', 'en')).toBe('Q4 2011');
    expect(periodText('2011-12-05', 'week', 'nl')).toBe('week van 5 dec 2011');
    expect(periodText('2011-12-05T00:00:00.000Z', 'week', 'en')).toBe('week of 5 Dec 2011');
    expect(periodText('not a date', 'month', 'en')).toBe('not a date');
  });

  it('writes durations with their units, a dash when there is none', () => {
    expect(durationText(20 * 3600 + 18 * 60, 'nl')).toBe('20 uur, 18 min');
    expect(durationText(null, 'en')).toBe('–');
  });
});

describe("an event log's moments are shown as the log has them", () => {
  it('writes a stored moment as a date and a time of day in UTC, in the reader\'s language', () => {
    expect(momentText('2010-12-30T11:02:00.000Z', 'nl')).toBe('30 dec 2010, 11:02:00 UTC');
    expect(momentText('2010-12-30T11:02:00.000Z', 'en')).toBe('30 Dec 2010, 11:02:00 UTC');
    // Midnight is 00, not 24, and milliseconds appear only when the log has them.
    expect(momentText('2011-01-01T00:00:00.250Z', 'en')).toBe('1 Jan 2011, 00:00:00.250 UTC');
    expect(momentText('not a moment', 'nl')).toBe('not a moment');
  });
});
