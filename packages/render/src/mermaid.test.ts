import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { createPersonaRecord, validateJourneyDocument } from '@klantreis/schema';
import { journeyView } from './journeyView.ts';
import { journeyMermaid, parseMermaidJourney, type MermaidParseResult } from './mermaid.ts';

const samples = TEMPLATE_IDS.flatMap((id) => (['nl', 'en'] as const).map((locale) => ({ id, locale, doc: buildTemplate(id, locale) })));

function parsed(result: MermaidParseResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.document;
}

function errorsOf(result: MermaidParseResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('Mermaid journey diagrams', () => {
  it.each(samples)('$id ($locale): export then import gives the same title, phases, step titles and scores', ({ doc, locale }) => {
    const view = journeyView(doc);
    const text = journeyMermaid(view);
    expect(text.split('\n')[0]).toBe('journey');
    // Only the lexer's own separators: one ':' between name and score and one before the actors.
    for (const line of text.split('\n').filter((l) => l.startsWith('    '))) {
      expect(line.split(':')).toHaveLength(3);
      expect(line).not.toMatch(/[#;]/);
    }
    const back = journeyView(parsed(parseMermaidJourney(text, { locale })));
    expect(back.doc.journey.title).toBe(doc.journey.title);
    expect(back.doc.journey.locale).toBe(locale);
    expect(back.phases.map((p) => p.name)).toEqual(view.phases.map((p) => p.name));
    expect(back.phases.map((p) => p.steps.map((s) => s.title))).toEqual(view.phases.map((p) => p.steps.map((s) => s.title)));
    expect(back.steps.map((s) => s.step.score)).toEqual(view.steps.map((s) => s.step.score));
    // The templates' personas are the actors, kept in the description.
    const names = view.personas.map((p) => p.name).join(', ');
    expect(back.steps[0]!.step.description).toBe(`${locale === 'nl' ? 'Actoren' : 'Actors'}: ${names}`);
  });

  it('writes an unscored step as 3, the customer as the actor without personas, and escapes the separators', () => {
    const doc = buildTemplate('ikea-visit', 'en');
    doc.journey.personaIds = [];
    doc.steps[0]!.score = null;
    doc.steps[1]!.title = 'Title: #1; the best\nstep';
    doc.phases[0]!.name = ' ';
    const text = journeyMermaid(journeyView(doc));
    const lines = text.split('\n');
    expect(lines).toContain('  section Untitled phase');
    expect(lines.find((l) => l.includes(doc.steps[0]!.title))).toMatch(/: 3: Customer$/);
    const back = parsed(parseMermaidJourney(text, { locale: 'en' }));
    const second = back.steps.find((s) => s.title.startsWith('Title'))!;
    expect(second.title).toBe('Title: #1; the best step');
    expect(second.description).toBe('');
    expect(back.steps[0]!.score).toBe(0);
  });

  it('keeps a comma in a persona name inside that one actor', () => {
    const doc = buildTemplate('ikea-visit', 'nl');
    const persona = createPersonaRecord({ name: 'Jansen, Piet' });
    doc.personas = [persona];
    doc.journey.personaIds = [persona.id];
    const back = parsed(parseMermaidJourney(journeyMermaid(journeyView(doc)), { locale: 'nl' }));
    expect(back.steps[0]!.description).toBe('Actoren: Jansen, Piet');
  });

  it('reads the example of the Mermaid documentation', () => {
    const example = [
      'journey',
      '    title My working day',
      '    section Go to work',
      '      Make tea: 5: Me',
      '      Go upstairs: 3: Me',
      '      Do work: 1: Me, Cat',
      '    section Go home',
      '      Go downstairs: 5: Me',
      '      Sit down: 5: Me',
    ].join('\n');
    const doc = parsed(parseMermaidJourney(example, { locale: 'en' }));
    expect(validateJourneyDocument(doc).ok).toBe(true);
    const view = journeyView(doc);
    expect(doc.journey.title).toBe('My working day');
    expect(view.phases.map((p) => p.name)).toEqual(['Go to work', 'Go home']);
    expect(view.steps.map((s) => [s.title, s.step.score])).toEqual([
      ['Make tea', 2],
      ['Go upstairs', 0],
      ['Do work', -2],
      ['Go downstairs', 2],
      ['Sit down', 2],
    ]);
    expect(view.steps[2]!.step.description).toBe('Actors: Me, Cat');
  });

  it('skips comments, blank lines and front matter, puts tasks before a section in an unnamed phase, and falls back to the file name', () => {
    const text = ['---', 'config:', '  theme: forest', '---', '%% a comment', '', 'journey', 'Wake up: 2 # sleepy', '  section Work', '  Commute: 4: Klant', ''].join('\r\n');
    const doc = parsed(parseMermaidJourney(text, { locale: 'nl', fileName: 'Mijn dag.mmd' }));
    const view = journeyView(doc);
    expect(doc.journey.title).toBe('Mijn dag');
    expect(view.phases.map((p) => p.phase.name)).toEqual(['', 'Work']);
    expect(view.steps.map((s) => [s.title, s.step.score, s.step.description])).toEqual([
      ['Wake up', -1, ''],
      ['Commute', 1, ''],
    ]);
  });

  it('names the line of every error, in the chosen language', () => {
    const text = ['title Broken', 'section A', 'No score here', 'Empty score:', 'Too good: 6: Me', 'Half: 2.5', 'Fine: 3', 'Zero: 0: Me'].join('\n');
    const errors = errorsOf(parseMermaidJourney(text, { locale: 'en' }));
    expect(errors.map((e) => e.line)).toEqual([1, 3, 4, 5, 6, 8]);
    for (const error of errors) expect(error.message).toMatch(new RegExp(`^Line ${error.line}: `));
    expect(errors[0]!.message).toContain('"journey"');
    expect(errors[1]!.message).toContain('"No score here" has no score');
    expect(errors[3]!.message).toContain('"6"');
    const dutch = errorsOf(parseMermaidJourney(['journey', 'section A', 'Stap: vijf'].join('\n'), { locale: 'nl' }));
    expect(dutch).toEqual([{ line: 3, message: 'Regel 3: de score "vijf" van de taak "Stap" moet een heel getal van 1 tot en met 5 zijn.' }]);
    expect(errorsOf(parseMermaidJourney('  \n%% only a comment\n', { locale: 'nl' }))).toEqual([{ line: 1, message: expect.stringMatching(/^Regel 1: .*leeg/) as unknown as string }]);
  });
});
