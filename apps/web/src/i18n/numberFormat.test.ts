import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';

// Every count a user reads goes through Intl in the UI language, the same as the dashboard's
// figures: "1.434" in Dutch and "1,434" in English, never a bare "1434" beside a "1,434".
describe('counts in sentences', () => {
  it('are written with the grouping of the UI language, and still choose the plural', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: 'nl', fallbackLng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('measurement.figures.casesOf', { count: 1434 })).toBe('van 1.434 in de log');
    expect(i18n.t('measurement.satisfaction.answers', { count: 1 })).toBe('1 antwoord');
    await i18n.changeLanguage('en');
    expect(i18n.t('measurement.figures.casesOf', { count: 1434 })).toBe('of 1,434 in the log');
    expect(i18n.t('measurement.satisfaction.answers', { count: 12_000 })).toBe('12,000 answers');
  });

  it('leaves no bare {{count}} in either language', () => {
    const bare = (value: unknown): string[] =>
      typeof value === 'string' ? (value.includes('{{count}}') ? [value] : []) : typeof value === 'object' && value !== null ? Object.values(value).flatMap(bare) : [];
    expect([...bare(nl), ...bare(en)]).toEqual([]);
  });
});
