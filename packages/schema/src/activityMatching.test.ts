import { describe, expect, it } from 'vitest';
import { activityMatcher, globToRegExp, mapActivitiesToSteps } from './activityMatching.ts';

describe('activity patterns', () => {
  it('match globs with * and ? and nothing else', () => {
    expect(globToRegExp('W_Completeren*').test('W_Completeren aanvraag')).toBe(true);
    expect(globToRegExp('W_Completeren*').test('W_Completeren')).toBe(true);
    expect(globToRegExp('W_Completeren*').test('A_W_Completeren')).toBe(false);
    expect(globToRegExp('T0? Check*').test('T02 Check confirmation of receipt')).toBe(true);
    expect(globToRegExp('T0? Check*').test('T10 Check')).toBe(false);
    // Regular-expression characters in names are plain characters.
    expect(globToRegExp('pay (cash).').test('pay (cash).')).toBe(true);
    expect(globToRegExp('pay (cash).').test('pay (cash)x')).toBe(false);
    expect(globToRegExp('a+b').test('aab')).toBe(false);
  });

  it('map each activity to one step: an exact name first, then the first matching pattern in journey order', () => {
    const steps = [
      { id: 'step:intake', activityPatterns: ['A_*'] },
      { id: 'step:offer', activityPatterns: ['O_*', 'A_ACCEPTED'] },
      { id: 'step:work', activityPatterns: ['W_*', 'A_*'] },
    ];
    const mapped = mapActivitiesToSteps(steps, ['A_SUBMITTED', 'A_ACCEPTED', 'O_SENT', 'W_Afhandelen leads', 'register request']);
    expect([...mapped]).toEqual([
      ['A_SUBMITTED', 'step:intake'],
      ['A_ACCEPTED', 'step:offer'],
      ['O_SENT', 'step:offer'],
      ['W_Afhandelen leads', 'step:work'],
      ['register request', null],
    ]);
  });

  it('compares names case-sensitively', () => {
    expect(activityMatcher([{ id: 'step:a', activityPatterns: ['decide'] }]).stepFor('Decide')).toBeNull();
  });
});
