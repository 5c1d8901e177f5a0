import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { rememberedT } from './rememberedT.ts';

// The portfolio's rows ask through rememberedT; every text must be the one i18next makes.
describe('rememberedT', () => {
  it.each(['nl', 'en'])('gives what t gives in %s, however often and in whatever order it is asked', async (language) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n) as TFunction;
    const remembered = rememberedT(t);
    const asks: [string, Record<string, unknown>?][] = [
      ['portfolio.noValue'],
      ['portfolio.statuses.live'],
      ['portfolio.findings.critical', { count: 1 }],
      ['portfolio.findings.critical', { count: 3 }],
      ['portfolio.xla.missed', { count: 2 }],
      ['portfolio.edit.status', { title: 'Hypotheek aanvragen' }],
      ['portfolio.edit.status', { title: 'Lid worden' }],
      ['portfolio.edit.status', { title: 'A title with {{braces}} and $1 and \u0000' }],
      ['portfolio.health.label', { title: 'Lid worden', level: 'Gezond' }],
      ['portfolio.details.ownerAsWritten', { name: 'Team 7' }],
      ['portfolio.count', { shown: 5, count: 1000 }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [key, options] of round === 0 ? asks : [...asks].reverse()) {
        const made = (remembered as unknown as (k: string, o?: unknown) => string)(key, options);
        expect(made, key).toBe((t as unknown as (k: string, o?: unknown) => string)(key, options));
        expect(made, key).not.toBe(key);
      }
    }
  });
});
