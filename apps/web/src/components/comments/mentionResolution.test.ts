import { describe, expect, it } from 'vitest';
import { accountsMentioned } from '@klantreis/core/mentions';
import { keepPicks, matchingCandidates, mentionCandidates, resolveMentions } from './mentionResolution.ts';

const people = [
  { userId: 'u-anna', name: 'Anna', email: 'anna@example.nl' },
  { userId: 'u-anna-dv', name: 'Anna de Vries', email: 'anna.dv@example.nl' },
  { userId: 'u-bram-1', name: 'Bram de Vries', email: 'bram@example.nl' },
  { userId: 'u-bram-2', name: 'Bram de Vries', email: 'bram.tweede@example.nl' },
];
const candidates = mentionCandidates(people, ['Anna', 'Daan'], ['Gast', 'Gast', 'Daan', '']);

describe('whom a mention reaches', () => {
  it('offers each person with access on their own, telling apart those who share a name, and the other names seen', () => {
    expect(candidates.map((c) => [c.name, c.userId])).toEqual([
      ['Anna', 'u-anna'],
      ['Anna de Vries', 'u-anna-dv'],
      // Those of one name in the order of their e-mail addresses (as the language sorts them).
      ['Bram de Vries', 'u-bram-2'],
      ['Bram de Vries', 'u-bram-1'],
      ['Daan', undefined],
      ['Gast', undefined],
    ]);
    expect(matchingCandidates(candidates, 'vr').map((s) => [s.candidate.userId, s.detail])).toEqual([
      ['u-anna-dv', null],
      ['u-bram-2', 'email'],
      ['u-bram-1', 'email'],
    ]);
    expect(matchingCandidates(candidates, 'ga').map((s) => [s.candidate.name, s.detail])).toEqual([['Gast', 'no-access']]);
    // Nor is it said of someone in the map now (who came after the list was read), or while the people with access are not known.
    expect(matchingCandidates(candidates, 'da').map((s) => [s.candidate.name, s.detail])).toEqual([['Daan', null]]);
    expect(matchingCandidates(mentionCandidates([], [], ['Gast']), 'ga').map((s) => s.detail)).toEqual([null]);
  });

  it('mentions the person picked by their account next to the name, also of a name two people share', () => {
    const text = 'Vraag @Bram de Vries en @Anna de Vries, niet @Anna';
    const picks = [{ start: 6, name: 'Bram de Vries', userId: 'u-bram-2' }];
    // Names the longest first: "@Anna de Vries" is not "@Anna"; a unique name gets its account.
    expect(resolveMentions(text, candidates, picks)).toEqual({
      mentions: ['Bram de Vries', 'u-bram-2', 'Anna de Vries', 'u-anna-dv', 'Anna', 'u-anna'],
      problems: [],
    });
  });

  it('names the mentions that reach nobody: a shared name typed by hand, a name nobody with access has, an unknown one', () => {
    expect(resolveMentions('@bram de vries, @Gast en @Nobody. Mail bram@example.nl of @10 uur', candidates, [])).toEqual({
      mentions: ['bram de vries', 'Gast'],
      problems: [
        { name: 'bram de vries', reason: 'shared', count: 2 },
        { name: 'Gast', reason: 'nobody' },
        { name: 'Nobody', reason: 'nobody' },
      ],
    });
    // "@Annabel" is not "@Anna".
    expect(resolveMentions('@Annabel', candidates, []).problems).toEqual([{ name: 'Annabel', reason: 'nobody' }]);
    // Not while the people are unknown, nor the name still being typed.
    expect(resolveMentions('@Nobody', mentionCandidates([], [], ['Gast']), []).problems).toEqual([]);
    expect(resolveMentions('@Daan', candidates, [])).toEqual({ mentions: ['Daan'], problems: [] });
    expect(resolveMentions('Hoi @Bra', candidates, [], 4).problems).toEqual([]);
  });

  it('keeps a pick where its name moves to, and drops it when its name is edited', () => {
    const pick = { start: 4, name: 'Bram de Vries', userId: 'u-bram-2' };
    const text = 'Hoi @Bram de Vries !';
    expect(keepPicks([pick], text, `Ha, ${text}`)).toEqual([{ ...pick, start: 8 }]);
    expect(keepPicks([pick], text, `${text} klopt?`)).toEqual([pick]);
    expect(keepPicks([pick], text, 'Hoi @Bram de Vrie !')).toEqual([]);
    // Picked, deleted and written again by hand: the name is ambiguous again, not the first pick.
    const typedAgain = 'Hoi @Bram de Vries !';
    const kept = keepPicks(keepPicks([pick], text, 'Hoi  !'), 'Hoi  !', typedAgain);
    expect(resolveMentions(typedAgain, candidates, kept).problems).toEqual([{ name: 'Bram de Vries', reason: 'shared', count: 2 }]);
  });

  it('reads whom a comment mentions as the server does', () => {
    expect(accountsMentioned(['Bram de Vries', 'u-bram-2', 'ANNA@example.nl', 'Nobody'], people)).toEqual(new Set(['u-bram-2', 'u-anna']));
  });
});
