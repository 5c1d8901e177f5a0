import i18next from 'i18next';
import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { sortByIndex } from '@klantreis/schema';
import { buildTemplate } from '@klantreis/templates';
import { en } from '../i18n/en.ts';
import { nl } from '../i18n/nl.ts';
import { dragAnnouncements } from './dragAnnouncements.ts';

const item = (id: string) => ({ id }) as unknown as Active & Over;

describe('what a screen reader hears while a step is dragged', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: 'en', interpolation: { escapeValue: false } });
  const journey = buildTemplate('ikea-visit', 'en');
  const steps = sortByIndex(journey.steps);
  const [first, second] = steps;
  const phaseOf = (phaseId: string) => journey.phases.find((p) => p.id === phaseId)!.name;

  it('names steps and phases, never ids', () => {
    const { announcements, screenReaderInstructions } = dragAnnouncements(i18n.t, steps, journey.phases);
    expect(screenReaderInstructions.draggable).toMatch(/arrow keys/);
    expect(announcements.onDragStart({ active: item(first!.id) })).toBe(`Picked up step ‘${first!.title}’.`);
    expect(announcements.onDragEnd({ active: item(first!.id), over: item(second!.id) })).toBe(
      `Step ‘${first!.title}’ moved after ‘${second!.title}’ in phase ‘${phaseOf(second!.phaseId)}’.`,
    );
    expect(announcements.onDragOver({ active: item(second!.id), over: item(first!.id) })).toBe(
      `Step ‘${second!.title}’: before ‘${first!.title}’ in phase ‘${phaseOf(first!.phaseId)}’.`,
    );
    expect(announcements.onDragEnd({ active: item(first!.id), over: item(`phase-drop:${journey.phases[0]!.id}`) })).toBe(
      `Step ‘${first!.title}’ moved into the empty phase ‘${journey.phases[0]!.name}’.`,
    );
    expect(announcements.onDragEnd({ active: item(first!.id), over: null })).toBe(`Step ‘${first!.title}’ dropped where it was.`);
    expect(announcements.onDragCancel({ active: item(first!.id), over: null })).toMatch(/cancelled/);
    for (const said of [announcements.onDragStart({ active: item(first!.id) }), announcements.onDragEnd({ active: item(first!.id), over: item(second!.id) })]) {
      expect(said).not.toContain(first!.id);
    }
  });

  it('speaks Dutch to a Dutch reader', async () => {
    await i18n.changeLanguage('nl');
    const { announcements } = dragAnnouncements(i18n.t, steps, journey.phases);
    expect(announcements.onDragEnd({ active: item(first!.id), over: item(second!.id) })).toBe(
      `Stap ‘${first!.title}’ verplaatst na ‘${second!.title}’ in fase ‘${phaseOf(second!.phaseId)}’.`,
    );
  });
});
