import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { nl } from '../../i18n/nl.ts';
import { versionLabel, versionLabels, versionTime } from './versionLabel.ts';

async function translator(language: 'nl' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as TFunction;
}

const restoredAt = Date.UTC(2026, 11, 7, 7, 56);
const autoAt = Date.UTC(2026, 11, 7, 7, 50);
const keptAt = Date.UTC(2026, 11, 7, 7, 40);
const workshop = { id: 'v_workshop', name: 'Workshop 3 Dec', kind: 'named', createdAt: Date.UTC(2026, 11, 3, 15, 0) } as const;
const automatic = { id: 'v_auto', name: new Date(autoAt).toISOString(), kind: 'auto', createdAt: autoAt } as const;
const kept = { id: 'v_kept', name: 'before restoring: Workshop 3 Dec', kind: 'before-restore', createdAt: keptAt } as const;
const beforeRestoring = (restored: typeof workshop | typeof automatic | typeof kept) =>
  ({ name: `before restoring: ${restored.name}`, kind: 'before-restore', createdAt: restoredAt, restored }) as const;

// What Klantreis stores for the versions it takes is for machines (an ISO time, an English
// prefix); a person reads what the version is, in their language.
const machineName = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|before restoring:/;

describe('versionLabel', () => {
  it.each([
    ['en', 'Before restoring “Workshop 3 Dec”, '],
    ['nl', 'Vóór het terugzetten van “Workshop 3 Dec”, '],
  ] as const)('names the version a restore put back, in %s', async (language, start) => {
    const t = await translator(language);
    expect(versionLabel(beforeRestoring(workshop), t, language)).toBe(`${start}${versionTime(restoredAt, language)}`);
  });

  it.each([
    ['en', 'Before restoring the automatic version'],
    ['nl', 'Vóór het terugzetten van de automatische versie'],
  ] as const)('names a restored automatic version by its time in words, in %s', async (language, start) => {
    const t = await translator(language);
    const label = versionLabel(beforeRestoring(automatic), t, language);
    expect(label).toBe(`${start} (${versionTime(autoAt, language)}), ${versionTime(restoredAt, language)}`);
    expect(label).not.toMatch(machineName);
  });

  it.each(['en', 'nl'] as const)('names a restored map that was itself kept before a restore by its time, in %s', async (language) => {
    const t = await translator(language);
    const label = versionLabel(beforeRestoring(kept), t, language);
    expect(label).toContain(`(${versionTime(keptAt, language)}), ${versionTime(restoredAt, language)}`);
    expect(label).not.toMatch(machineName);
  });

  it.each(['en', 'nl'] as const)('tells two restores at the same moment apart by what they put back, in %s', async (language) => {
    const t = await translator(language);
    const labels = [workshop, automatic, kept].map((restored) => versionLabel(beforeRestoring(restored), t, language));
    expect(new Set(labels).size).toBe(3);
  });

  // Versions kept before a restore by an older Klantreis have only their stored name.
  it.each([
    ['en', 'before restoring: as-is', 'Before restoring “as-is”, '],
    ['nl', 'before restoring: as-is', 'Vóór het terugzetten van “as-is”, '],
    ['en', `before restoring: ${new Date(autoAt).toISOString()}`, `Before restoring the automatic version (${versionTime(autoAt, 'en')}), `],
    ['nl', `before restoring: ${new Date(autoAt).toISOString()}`, `Vóór het terugzetten van de automatische versie (${versionTime(autoAt, 'nl')}), `],
    ['en', 'before restoring: before restoring: as-is', 'Before restoring a map kept before an earlier restore, '],
    ['nl', 'before restoring: before restoring: as-is', 'Vóór het terugzetten van een kaart van vóór een eerdere terugzetting, '],
    ['en', 'something else', 'The map before a restore, '],
    ['nl', 'something else', 'De kaart vóór het terugzetten, '],
  ] as const)('reads a version kept by an older Klantreis from its stored name (%s, “%s”)', async (language, name, start) => {
    const t = await translator(language);
    expect(versionLabel({ name, kind: 'before-restore', createdAt: restoredAt, restored: null }, t, language)).toBe(`${start}${versionTime(restoredAt, language)}`);
  });

  it.each(['en', 'nl'] as const)('keeps a person’s own name, and names an automatic version by its time, in %s', async (language) => {
    const t = await translator(language);
    expect(versionLabel({ ...workshop, restored: null }, t, language)).toBe('Workshop 3 Dec');
    const label = versionLabel({ ...automatic, restored: null }, t, language);
    expect(label).toContain(versionTime(autoAt, language));
    expect(label).not.toMatch(machineName);
  });

  it.each(['en', 'nl'] as const)('tells apart, in %s, versions that would read alike: to the second, then by number', async (language) => {
    const t = await translator(language);
    const first = { id: 'v_1', ...beforeRestoring(workshop), createdAt: restoredAt + 5_000 };
    const second = { id: 'v_2', ...beforeRestoring(workshop), createdAt: restoredAt + 35_000 };
    const third = { id: 'v_3', ...beforeRestoring(workshop), createdAt: restoredAt + 35_000 };
    const other = { id: 'v_other', ...beforeRestoring(automatic) };
    // Alone in its minute, a label keeps its minutes; alike, they show the second.
    expect(versionLabel(first, t, language)).toBe(versionLabel(second, t, language));
    const labels = versionLabels([third, second, first, other], t, language);
    expect(labels.get('v_other')).toBe(versionLabel(other, t, language));
    expect(labels.get('v_1')).toBe(versionLabel(first, t, language, true));
    expect(labels.get('v_1')).toContain(versionTime(first.createdAt, language, true));
    // The same second: a number after it, oldest first (ties keep the list's order).
    expect(labels.get('v_3')).toBe(`${versionLabel(third, t, language, true)} (1)`);
    expect(labels.get('v_2')).toBe(`${versionLabel(second, t, language, true)} (2)`);
    expect(new Set(labels.values()).size).toBe(4);
  });
});
