import { DEFAULT_LANE_KINDS, sortByIndex, validateJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, buildTemplate, isTemplateId, linkedTemplates, listTemplates, templatesInLinkOrder, type LinkedJourneys, type TemplateId } from './index.ts';

const LOCALES = ['nl', 'en'] as const;

function cellTextsByLane(doc: JourneyDocument): Map<string, Map<string, string>> {
  const kindByLaneId = new Map(doc.lanes.map((lane) => [lane.id, lane.kind]));
  const byLane = new Map<string, Map<string, string>>();
  for (const cell of doc.cells) {
    const kind = kindByLaneId.get(cell.laneId)!;
    if (!byLane.has(kind)) byLane.set(kind, new Map());
    byLane.get(kind)!.set(cell.stepId, cell.text);
  }
  return byLane;
}

/** Everything about a document except its words and ids: what must match between the two languages. */
function structureOf(doc: JourneyDocument) {
  const phasePosition = new Map(doc.phases.map((phase, i) => [phase.id, i]));
  const stepPosition = new Map(doc.steps.map((step, i) => [step.id, i]));
  const laneKind = new Map(doc.lanes.map((lane) => [lane.id, lane.kind]));
  return {
    kind: doc.journey.kind,
    journeyScore: doc.journey.journeyScore,
    personas: doc.personas.map((persona) => persona.color),
    phases: doc.phases.length,
    lanes: doc.lanes.map((lane) => lane.kind),
    steps: doc.steps.map((step) => ({
      phase: phasePosition.get(step.phaseId),
      score: step.score,
      beforeFirstContact: step.beforeFirstContact,
      wait: step.wait,
      touchpoints: step.touchpoints.map((touchpoint) => [touchpoint.channel, touchpoint.importance]),
      kano: step.kano.map((element) => element.category),
      serviceConcept: step.serviceConcept,
      momentOfTruth: step.momentOfTruth,
    })),
    cells: doc.cells.map((cell) => [laneKind.get(cell.laneId), stepPosition.get(cell.stepId)]),
  };
}

function allIds(doc: JourneyDocument): string[] {
  return [...doc.phases, ...doc.steps, ...doc.lanes, ...doc.cells, ...doc.personas].map((record) => record.id);
}

describe('the template catalogue', () => {
  it('lists the seven templates of PRODUCT.md in order, with the experience map and drill-down journey that go with two of them', () => {
    expect(TEMPLATE_IDS).toEqual([
      'ikea-visit',
      'end-user-incident',
      'day-in-the-life',
      'pay-tv-onboarding',
      'financial-product-application',
      'banking-relationship',
      'membership-lifecycle',
      'membership-joining',
      'restaurant-service-concept',
    ]);
    for (const locale of LOCALES) {
      const summaries = listTemplates(locale);
      expect(summaries.map((summary) => summary.id)).toEqual(TEMPLATE_IDS);
      for (const summary of summaries) {
        const doc = buildTemplate(summary.id, locale);
        expect(summary.title).toBe(doc.journey.title);
        expect(summary.description).toBe(doc.journey.description);
        expect(summary.kind).toBe(doc.journey.kind);
        expect(summary.stepCount).toBe(doc.steps.length);
      }
    }
  });

  it('recognises template ids and nothing else', () => {
    for (const id of TEMPLATE_IDS) expect(isTemplateId(id)).toBe(true);
    expect(isTemplateId('blank')).toBe(false);
    expect(isTemplateId('IKEA-VISIT')).toBe(false);
    expect(isTemplateId('')).toBe(false);
  });
});

describe.each(TEMPLATE_IDS)('template %s', (id: TemplateId) => {
  describe.each(LOCALES)('in %s', (locale) => {
    const doc = buildTemplate(id, locale);

    it('is a valid journey document in its own language', () => {
      const result = validateJourneyDocument(doc);
      expect(result.ok ? [] : result.issues).toEqual([]);
      expect(doc.journey.locale).toBe(locale);
      expect(doc.journey.title.trim()).not.toBe('');
      expect(doc.journey.description.trim()).not.toBe('');
    });

    it('has 2–6 phases, each with a name, a moment of truth and steps', () => {
      expect(doc.phases.length).toBeGreaterThanOrEqual(2);
      expect(doc.phases.length).toBeLessThanOrEqual(6);
      for (const phase of doc.phases) {
        expect(phase.name.trim()).not.toBe('');
        expect(phase.momentOfTruth.trim()).not.toBe('');
        expect(doc.steps.some((step) => step.phaseId === phase.id)).toBe(true);
      }
    });

    it('has 6–15 scored steps in time order, starting before first contact', () => {
      expect(doc.steps.length).toBeGreaterThanOrEqual(6);
      expect(doc.steps.length).toBeLessThanOrEqual(15);
      expect(sortByIndex(doc.steps)).toEqual(doc.steps);
      expect(sortByIndex(doc.phases)).toEqual(doc.phases);
      const phaseOrder = doc.steps.map((step) => doc.phases.findIndex((phase) => phase.id === step.phaseId));
      expect([...phaseOrder].sort((a, b) => a - b)).toEqual(phaseOrder);
      for (const step of doc.steps) {
        expect(step.score).not.toBeNull();
        expect(step.title.trim()).not.toBe('');
        expect(step.description.trim()).not.toBe('');
      }
      expect(doc.steps[0]?.beforeFirstContact).toBe(true);
    });

    it('uses waits, touchpoints, Kano elements and moments of truth', () => {
      expect(doc.steps.some((step) => step.wait !== null)).toBe(true);
      expect(doc.steps.filter((step) => step.touchpoints.length > 0).length).toBeGreaterThanOrEqual(doc.steps.length / 2);
      expect(doc.steps.filter((step) => step.kano.some((element) => element.category !== null)).length).toBeGreaterThanOrEqual(3);
      expect(doc.steps.some((step) => step.momentOfTruth)).toBe(true);
      for (const touchpoint of doc.steps.flatMap((step) => step.touchpoints)) {
        expect(touchpoint.name.trim()).not.toBe('');
        expect(touchpoint.department.trim()).not.toBe('');
        expect(touchpoint.importance).not.toBeNull();
        expect(touchpoint.customChannel === '').toBe(touchpoint.channel !== 'custom');
      }
    });

    it('has the nine default lanes, untranslated, and most of them well filled', () => {
      expect(doc.lanes.map((lane) => lane.kind)).toEqual([...DEFAULT_LANE_KINDS]);
      expect(doc.lanes.every((lane) => lane.name === '' && !lane.hidden)).toBe(true);
      const byLane = cellTextsByLane(doc);
      const wellFilled = DEFAULT_LANE_KINDS.filter((kind) => {
        const filled = [...(byLane.get(kind)?.values() ?? [])].filter((text) => text.trim() !== '').length;
        return filled >= doc.steps.length / 2;
      });
      expect(wellFilled.length).toBeGreaterThanOrEqual(7);
    });

    it('has one or two personas, attached to the journey', () => {
      expect(doc.personas.length).toBeGreaterThanOrEqual(1);
      expect(doc.personas.length).toBeLessThanOrEqual(2);
      expect(doc.journey.personaIds).toEqual(doc.personas.map((persona) => persona.id));
      for (const persona of doc.personas) {
        expect(persona.description.trim()).not.toBe('');
        expect(persona.goals.trim()).not.toBe('');
        expect(persona.picture).toBeNull();
      }
    });
  });

  it('has the same structure in Dutch and English, in different words', () => {
    const nl = buildTemplate(id, 'nl');
    const en = buildTemplate(id, 'en');
    expect(structureOf(en)).toEqual(structureOf(nl));
    expect(en.journey.title).not.toBe(nl.journey.title);
    expect(en.journey.description).not.toBe(nl.journey.description);
    // The structures are equal (above), so every position of the Dutch lists is in the English ones.
    nl.steps.forEach((step, i) => expect(en.steps[i]!.description).not.toBe(step.description));
    nl.phases.forEach((phase, i) => expect(en.phases[i]!.momentOfTruth).not.toBe(phase.momentOfTruth));
    nl.cells.forEach((cell, i) => expect(en.cells[i]!.text.trim() === '').toBe(cell.text.trim() === ''));
  });

  it('gets fresh ids on every build', () => {
    const first = new Set(allIds(buildTemplate(id, 'nl')));
    const second = allIds(buildTemplate(id, 'nl'));
    expect(second.filter((recordId) => first.has(recordId))).toEqual([]);
  });
});

describe('the stories the templates tell', () => {
  it('ikea-visit ends on its peak: the ice cream after the checkout', () => {
    for (const locale of LOCALES) {
      const steps = buildTemplate('ikea-visit', locale).steps;
      expect(steps.at(-1)!.score).toBe(2);
    }
  });

  it('pay-tv-onboarding has good touchpoints and a failing journey', () => {
    const doc = buildTemplate('pay-tv-onboarding', 'nl');
    const touchpointScores = doc.steps.filter((step) => step.touchpoints.length > 0).map((step): number => step.score ?? 0);
    const mean = touchpointScores.reduce((sum, score) => sum + score, 0) / touchpointScores.length;
    expect(mean).toBeGreaterThanOrEqual(1);
    expect(touchpointScores.every((score) => score >= 1)).toBe(true);
    expect(doc.journey.journeyScore).not.toBeNull();
    expect(doc.journey.journeyScore!).toBeLessThanOrEqual(0);
  });

  it('restaurant-service-concept has excellent differentiators and acceptable sacrifices', () => {
    const steps = buildTemplate('restaurant-service-concept', 'en').steps;
    const differentiators = steps.filter((step) => step.serviceConcept === 'differentiator');
    const sacrifices = steps.filter((step) => step.serviceConcept === 'sacrifice');
    expect(differentiators.length).toBeGreaterThanOrEqual(1);
    expect(sacrifices.length).toBeGreaterThanOrEqual(1);
    expect(differentiators.every((step) => step.score === 2)).toBe(true);
    expect(sacrifices.every((step) => step.score === -1)).toBe(true);
    expect(sacrifices.some((step) => step.wait !== null)).toBe(true);
  });

  it('membership-lifecycle and banking-relationship are experience maps; the others journey maps', () => {
    const experienceMaps: TemplateId[] = ['membership-lifecycle', 'banking-relationship'];
    for (const id of experienceMaps) {
      expect(buildTemplate(id, 'nl').journey.kind).toBe('experience');
      expect(listTemplates('en').find((summary) => summary.id === id)!.kind).toBe('experience');
    }
    for (const id of TEMPLATE_IDS.filter((templateId) => !experienceMaps.includes(templateId))) {
      expect(buildTemplate(id, 'nl').journey.kind).toBe('journey');
    }
  });

  it('links the stages of the experience maps to the journeys that detail them, once those are stored', () => {
    const joining = buildTemplate('membership-joining', 'nl');
    const application = buildTemplate('financial-product-application', 'nl');
    const linked: LinkedJourneys = new Map([
      ['membership-joining', { journeyId: 'joining', phaseIds: joining.phases.map((p) => p.id) }],
      ['financial-product-application', { journeyId: 'application', phaseIds: application.phases.map((p) => p.id) }],
    ]);
    const membership = buildTemplate('membership-lifecycle', 'en', linked);
    expect(validateJourneyDocument(membership).ok).toBe(true);
    // Discovering links to the start of joining, Welcome to joining's third phase (Welcome).
    expect(membership.links.map((link) => [membership.phases.findIndex((p) => p.id === link.phaseId), link.journeyId, link.targetPhaseId])).toEqual([
      [0, 'joining', null],
      [1, 'joining', joining.phases[2]!.id],
    ]);
    expect(membership.steps.find((step) => step.title === 'Joining')!.subJourneyId).toBe('joining');
    const bank = buildTemplate('banking-relationship', 'nl', linked);
    expect(bank.steps.filter((step) => step.subJourneyId === 'application')).toHaveLength(1);
    expect(bank.links.map((link) => [bank.phases.findIndex((p) => p.id === link.phaseId), link.journeyId])).toEqual([[2, 'application']]);
    // Without the linked journeys stored, a map from the template has no links.
    expect(buildTemplate('membership-lifecycle', 'nl').links).toEqual([]);
    expect(buildTemplate('membership-lifecycle', 'nl').steps.every((step) => step.subJourneyId === null)).toBe(true);
  });

  it('orders the templates so that each comes after the journeys it links to', () => {
    const order = templatesInLinkOrder();
    expect([...order].sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const id of order) for (const target of linkedTemplates(id)) expect(order.indexOf(target)).toBeLessThan(order.indexOf(id));
    expect(linkedTemplates('membership-lifecycle')).toEqual(['membership-joining']);
  });
});
