import i18next from 'i18next';
import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { sortByIndex } from '@klantreis/schema';
import { buildTemplate } from '@klantreis/templates';
import { en } from '../i18n/en.ts';
import { nl } from '../i18n/nl.ts';
import { dragAnnouncements, keyboardMoveAnnouncement } from './dragAnnouncements.ts';
import { stepMoveTarget } from './mapLayout.ts';

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

  it('says where Alt+← and Alt+→ moved a step: the step it passed, the phase it entered, or that it could go no further', async () => {
    await i18n.changeLanguage('en');
    const ordered = { ...journey, steps, phases: sortByIndex(journey.phases) };
    const said = (stepId: string, delta: number) => keyboardMoveAnnouncement(i18n.t, ordered, stepId, delta, stepMoveTarget(ordered, stepId, delta));
    const [a, b] = steps;
    const phase = phaseOf(a!.phaseId);
    expect(b!.phaseId).toBe(a!.phaseId);
    expect(said(a!.id, 1)).toBe(`Step ‘${a!.title}’ moved after ‘${b!.title}’ in phase ‘${phase}’.`);
    expect(said(b!.id, -1)).toBe(`Step ‘${b!.title}’ moved before ‘${a!.title}’ in phase ‘${phase}’.`);
    expect(said(a!.id, -1)).toBe(`Step ‘${a!.title}’ is the first step of the map; it stays where it is.`);
    expect(said(steps.at(-1)!.id, 1)).toBe(`Step ‘${steps.at(-1)!.title}’ is the last step of the map; it stays where it is.`);
    // The last step of a phase, moved right, enters the next phase before its first step.
    const lastOfFirstPhase = steps.filter((s) => s.phaseId === ordered.phases[0]!.id).at(-1)!;
    const firstOfNext = steps.find((s) => s.phaseId === ordered.phases[1]!.id)!;
    expect(said(lastOfFirstPhase.id, 1)).toBe(`Step ‘${lastOfFirstPhase.title}’ moved before ‘${firstOfNext.title}’ in phase ‘${ordered.phases[1]!.name}’.`);
    // Into a phase without steps.
    const empty = { ...ordered, steps: steps.filter((s) => s.phaseId !== ordered.phases[1]!.id) };
    expect(keyboardMoveAnnouncement(i18n.t, empty, lastOfFirstPhase.id, 1, stepMoveTarget(empty, lastOfFirstPhase.id, 1))).toBe(
      `Step ‘${lastOfFirstPhase.title}’ moved into the empty phase ‘${ordered.phases[1]!.name}’.`,
    );
    await i18n.changeLanguage('nl');
    expect(said(a!.id, 1)).toBe(`Stap ‘${a!.title}’ verplaatst na ‘${b!.title}’ in fase ‘${phase}’.`);
    expect(said(a!.id, -1)).toBe(`Stap ‘${a!.title}’ is de eerste stap van de kaart; hij blijft waar hij staat.`);
  });
});
