import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { createActionRecord, createLaneRecord, createStepRecord, indicesBetween, sortByIndex, type JourneyDocument } from '@klantreis/schema';
import { journeyView, type JourneyView } from './journeyView.ts';
import { fitText, journeyPptx } from './pptx.ts';
import { popplerUnavailable } from './testing/popplerTools.ts';

// The deck opened by a real office suite: LibreOffice converts every deck to PDF and the PDF's
// text must hold every step title. The slides themselves must be native text, not pictures.

const sofficeMissing = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).error !== undefined;
if (sofficeMissing && process.env.CI === 'true') throw new Error('soffice (LibreOffice Impress) is missing; CI must install it');
const skip = (sofficeMissing || popplerUnavailable() !== null) && process.env.CI !== 'true';

/** A phase of eight steps (two slides), actions, target scores, two more lanes with long text. */
function enriched(): JourneyDocument {
  const doc = buildTemplate('financial-product-application', 'en');
  const phase = sortByIndex(doc.phases)[0]!;
  const last = sortByIndex(doc.steps.filter((s) => s.phaseId === phase.id)).at(-1)!;
  const indices = indicesBetween(last.index, null, 5);
  indices.forEach((index, i) => doc.steps.push(createStepRecord({ phaseId: phase.id, index, title: `Extra step ${i + 1} & <more>`, score: ((i % 5) - 2) as -2 | -1 | 0 | 1 | 2, targetScore: 2, description: `Notes for extra step ${i + 1}` })));
  const laneIndex = sortByIndex(doc.lanes).at(-1)!.index;
  const [a, b] = indicesBetween(laneIndex, null, 2);
  const lanes = [createLaneRecord({ index: a!, name: 'Emotions in detail' }), createLaneRecord({ index: b!, name: 'Quotes' })];
  doc.lanes.push(...lanes);
  for (const step of doc.steps) for (const lane of lanes) doc.cells.push({ id: `cell:${lane.id.slice(5)}~${step.id.slice(5)}`, laneId: lane.id, stepId: step.id, text: 'A very long remark that goes on and on. '.repeat(12) });
  const [x, y] = indicesBetween(null, null, 2);
  doc.actions = [
    createActionRecord({ index: x!, title: 'Call back within one day', status: 'doing', owner: 'Service desk', dueDate: '2025-06-30', stepIds: [doc.steps[0]!.id] }),
    createActionRecord({ index: y!, title: 'Explain the checks up front', status: 'idea', stepIds: [] }),
  ];
  return doc;
}

interface Deck {
  name: string;
  view: JourneyView;
  pptx: Buffer;
  pdfPath: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe.skipIf(skip)('the journey as an editable PowerPoint deck', () => {
  const decks: Deck[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klantreis-pptx-'));
    const docs = [
      ...TEMPLATE_IDS.map((id) => ({ name: `${id}-nl`, doc: buildTemplate(id, 'nl') })),
      { name: 'ikea-visit-en', doc: buildTemplate('ikea-visit', 'en') },
      { name: 'enriched-en', doc: enriched() },
    ];
    const built = await Promise.all(docs.map(async ({ name, doc }) => ({ name, view: journeyView(doc), pptx: await journeyPptx(journeyView(doc), { date: new Date('2025-01-15T12:00:00Z') }) })));
    for (const deck of built) {
      writeFileSync(join(dir, `${deck.name}.pptx`), deck.pptx);
      decks.push({ ...deck, pdfPath: join(dir, `${deck.name}.pdf`) });
    }
    // One LibreOffice start converts every file; its own profile keeps parallel runs apart.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...built.map((d) => join(dir, `${d.name}.pptx`))],
      { encoding: 'utf8', stdio: 'pipe', timeout: 110_000 },
    );
  }, 120_000);

  it('converts every deck with LibreOffice, and the PDF holds the journey title and every step title', () => {
    expect(decks.length).toBe(TEMPLATE_IDS.length + 2);
    for (const deck of decks) {
      expect(existsSync(deck.pdfPath), deck.name).toBe(true);
      // -raw keeps each text box's lines together in the order they were drawn.
      const text = squeeze(execFileSync('pdftotext', ['-raw', deck.pdfPath, '-'], { encoding: 'utf8' }));
      expect(text, deck.name).toContain(squeeze(deck.view.doc.journey.title));
      for (const step of deck.view.steps) expect(text, `${deck.name}: ${step.title}`).toContain(squeeze(step.title));
      for (const phase of deck.view.phases) expect(text, deck.name).toContain(squeeze(phase.name));
    }
  });

  it('splits a phase of more than six steps over two slides, and lists the actions in a table', () => {
    const deck = decks.find((d) => d.name === 'enriched-en')!;
    const text = squeeze(execFileSync('pdftotext', ['-raw', deck.pdfPath, '-'], { encoding: 'utf8' }));
    const phase = deck.view.phases[0]!;
    expect(phase.steps.length).toBeGreaterThan(6);
    expect(text).toContain(squeeze(`${phase.name} (1/2)`));
    expect(text).toContain(squeeze(`${phase.name} (2/2)`));
    expect(text).toContain(squeeze('Call back within one day'));
    expect(text).toContain(squeeze('Service desk'));
    expect(text).toContain('…');
  });

  it('writes native text and shapes: step titles in <a:t>, no pictures, descriptions as speaker notes', async () => {
    const JSZip = await import('jszip').then((module) => module.default).catch(() => null);
    if (!JSZip) return;
    for (const deck of decks) {
      const zip = await JSZip.loadAsync(deck.pptx);
      const slideNames = Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
      const slides = await Promise.all(slideNames.map((name) => zip.file(name)!.async('string')));
      const texts = slides.map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)));
      for (const xml of slides) expect(xml).not.toContain('<p:pic>');
      const curveIndex = texts.findIndex((t) => t[0] === deck.view.labels.emotionCurve);
      const phaseSlides = texts.slice(1, curveIndex);
      expect(phaseSlides.length).toBeGreaterThanOrEqual(deck.view.phases.length);
      for (const step of deck.view.steps) {
        expect(phaseSlides.some((t) => t.includes(`${step.number}. ${step.title}`)), `${deck.name}: ${step.title}`).toBe(true);
      }
      // The curve: a line per pair of consecutive scored steps and a circle per scored step.
      const curve = slides[curveIndex]!;
      const scored = deck.view.steps.filter((s) => s.step.score !== null).length;
      expect((curve.match(/prst="ellipse"/g) ?? []).length).toBe(scored);
      const toBe = deck.view.steps.some((s) => s.step.targetScore !== null) ? deck.view.steps.filter((s) => (s.step.targetScore ?? s.step.score) !== null).length : 1;
      expect((curve.match(/prst="line"/g) ?? []).length).toBe(5 + (scored - 1) + (toBe - 1));
      const notes = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
      const described = deck.view.steps.find((s) => s.step.description.trim());
      if (described) expect(notes.some((xml) => unescapeXml(xml).includes(described.step.description.trim().split('\n')[0]!))).toBe(true);
    }
  });
});

describe('fitting text into a box', () => {
  it('keeps text that fits, and cuts what does not with an ellipsis, within the lines the box holds', () => {
    expect(fitText('Short', 2, 0.5, 10)).toBe('Short');
    const long = 'word '.repeat(200).trim();
    const fitted = fitText(long, 2, 0.5, 10);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitted.length).toBeLessThan(80);
    // 0.5 in at 10 pt holds two lines.
    expect(fitText('one\ntwo\nthree', 2, 0.5, 10)).toBe('one\ntw…');
  });
});
