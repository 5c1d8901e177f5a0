import { KANO_CATEGORIES, type JourneyDocument, type Score } from '@klantreis/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { SEVERITIES } from './finding.ts';
import type { RememberedModel } from './rememberedModel.ts';
import { buildJourney, stepIdByTitle, type JourneySpec, type StepSpec } from './testJourneyBuilder.ts';

// The IKEA store visit of the seeds: the checkout queue and the cheap ice cream after it.
function ikeaVisit(): JourneyDocument {
  return buildJourney({
    locale: 'nl',
    journeyScore: 1,
    phases: [
      { name: 'Aankomst', need: 'snel een plek', steps: [{ title: 'Parkeren', score: 0 }, { title: 'Entree', score: 1 }] },
      {
        name: 'Winkelen',
        need: 'alles vinden',
        steps: [
          { title: 'Showroom', score: 2, role: 'differentiator', kano: [{ category: 'attractive', text: 'Kamers om in te lopen' }] },
          { title: 'Magazijn', score: -2, momentOfTruth: true, kano: [{ category: 'must-be', text: 'Artikel op voorraad' }] },
        ],
      },
      {
        name: 'Afrekenen',
        need: 'snel weg',
        steps: [
          { title: 'Rij bij de kassa', score: -1, wait: 15, role: 'sacrifice' },
          { title: 'IJsje van 1 euro', score: 2 },
        ],
      },
    ],
  });
}

describe('evaluateJourney', () => {
  it('evaluates the IKEA visit in the language of the journey, most urgent first', () => {
    const doc = ikeaVisit();
    const evaluation = evaluateJourney(doc);
    expect(evaluation.peakEnd).toMatchObject({ remembered: 0, start: 0, peak: 2, trough: -2, end: 2, mean: 1 / 3 });
    expect(evaluation.model.kind).toBe('peak-end');
    expect(evaluation.model.explanation).toMatch(/^Mensen onthouden/);
    expect(evaluation.findings.map((f) => [f.severity, f.rule])).toEqual([
      ['critical', 'peak-end.dark-red'],
      ['critical', 'kano.must-be-failing'],
      ['critical', 'moment-of-truth.unmet'],
      ['info', 'service-concept.sacrifice-accepted'],
      ['positive', 'kano.delighter'],
      ['positive', 'pleasure-pain.anticipation'],
      ['positive', 'peak-end.strong-end'],
    ]);
    expect(evaluation.findings[0]!.stepIds).toEqual([stepIdByTitle(doc, 'Magazijn')]);
    expect(evaluation.findings[5]!.message).toContain('honger is de beste saus');
    expect(evaluateJourney(doc, { locale: 'en' }).findings[5]!.message).toContain('hunger is the best sauce');
  });

  it('returns the model it used with its explanation', () => {
    const model: RememberedModel = { kind: 'weighted', start: 1, peak: 2, end: 3 };
    const evaluation = evaluateJourney(ikeaVisit(), { locale: 'en', model });
    expect(evaluation.model).toMatchObject(model);
    expect(evaluation.model.explanation).toMatch(/^The remembered score weighs the start 1×/);
    expect(evaluation.peakEnd.remembered).toBeCloseTo((0 - 4 + 6) / 6, 12);
  });

  it('refuses a model it cannot compute', () => {
    expect(() => evaluateJourney(ikeaVisit(), { model: { kind: 'weighted', start: 0, peak: 0, end: 0 } })).toThrow(RangeError);
  });
});

const scoreArb = fc.constantFrom<Score | null>(null, -2, -1, 0, 1, 2);
const stepArb: fc.Arbitrary<StepSpec> = fc.record({
  title: fc.constantFrom('', 'Pay', 'Queue', 'Dinner', 'Login', 'Kassa'),
  score: scoreArb,
  wait: fc.option(fc.integer({ min: 0, max: 120 })),
  touchpoints: fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { maxLength: 3 }),
  kano: fc.array(fc.constantFrom(...KANO_CATEGORIES), { maxLength: 3 }),
  role: fc.constantFrom<StepSpec['role']>(undefined, 'differentiator', 'sacrifice'),
  momentOfTruth: fc.boolean(),
});
const journeyArb: fc.Arbitrary<JourneySpec> = fc.record({
  locale: fc.constantFrom<'nl' | 'en'>('nl', 'en'),
  journeyScore: scoreArb,
  scramble: fc.boolean(),
  phases: fc.array(
    fc.record({ name: fc.constantFrom('', 'Oriëntatie'), need: fc.constantFrom('', 'snel geholpen'), steps: fc.array(stepArb, { maxLength: 8 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});
const modelArb: fc.Arbitrary<RememberedModel> = fc.oneof(
  fc.constant<RememberedModel>({ kind: 'peak-end' }),
  fc.constant<RememberedModel>({ kind: 'mean' }),
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .map(([start, peak, end]): RememberedModel => ({ kind: 'weighted', start, peak, end })),
);

describe('evaluateJourney over random journeys', () => {
  it('never lowers the remembered score when the last step scores higher (and raises it, the end having weight)', () => {
    fc.assert(
      fc.property(journeyArb, modelArb, (spec, model) => {
        const doc = buildJourney(spec);
        const before = evaluateJourney(doc, { model }).peakEnd;
        fc.pre(before.endStepId !== null);
        for (let higher = before.end! + 1; higher <= 2; higher++) {
          const raised = structuredClone(doc);
          raised.steps.find((s) => s.id === before.endStepId)!.score = higher as Score;
          const after = evaluateJourney(raised, { model }).peakEnd;
          expect(after.remembered!).toBeGreaterThanOrEqual(before.remembered! - 1e-12);
          // every model the arbitrary makes gives the end a weight above 0
          expect(after.remembered!).toBeGreaterThan(before.remembered!);
        }
      }),
    );
  });

  it('keeps the remembered score between the trough and the peak', () => {
    fc.assert(
      fc.property(journeyArb, modelArb, (spec, model) => {
        const { peakEnd } = evaluateJourney(buildJourney(spec), { model });
        if (peakEnd.remembered === null) return;
        expect(peakEnd.remembered).toBeGreaterThanOrEqual(peakEnd.trough! - 1e-12);
        expect(peakEnd.remembered).toBeLessThanOrEqual(peakEnd.peak! + 1e-12);
      }),
    );
  });

  it('only names steps that exist, and always says why', () => {
    fc.assert(
      fc.property(journeyArb, (spec) => {
        const doc = buildJourney(spec);
        const stepIds = new Set<string>(doc.steps.map((s) => s.id));
        for (const locale of ['nl', 'en'] as const) {
          for (const finding of evaluateJourney(doc, { locale }).findings) {
            expect(finding.stepIds.length).toBeGreaterThan(0);
            for (const id of finding.stepIds) expect(stepIds.has(id)).toBe(true);
            expect(new Set(finding.stepIds).size).toBe(finding.stepIds.length);
            expect(SEVERITIES).toContain(finding.severity);
            expect(finding.message.length).toBeGreaterThan(20);
          }
        }
      }),
    );
  });

  it('gives the same evaluation after a JSON round trip', () => {
    fc.assert(
      fc.property(journeyArb, modelArb, (spec, model) => {
        const doc = buildJourney(spec);
        const copy = JSON.parse(JSON.stringify(doc)) as JourneyDocument;
        expect(evaluateJourney(copy, { model })).toStrictEqual(evaluateJourney(doc, { model }));
      }),
    );
  });

  it('depends on the indices, not on the order of the arrays', () => {
    fc.assert(
      fc.property(journeyArb, (spec) => {
        const doc = buildJourney(spec);
        const reordered = { ...doc, phases: [...doc.phases].reverse(), steps: [...doc.steps].reverse() };
        expect(evaluateJourney(reordered)).toStrictEqual(evaluateJourney(doc));
      }),
    );
  });

  it('finds the same things in Dutch and in English', () => {
    fc.assert(
      fc.property(journeyArb, (spec) => {
        const doc = buildJourney(spec);
        const strip = (locale: 'nl' | 'en') => evaluateJourney(doc, { locale }).findings.map(({ message: _, ...rest }) => rest);
        expect(strip('nl')).toEqual(strip('en'));
      }),
    );
  });
});
