import {
  CURRENT_SCHEMA_VERSION,
  DEFAULT_LANE_KINDS,
  createCellRecord,
  createJourneyRecord,
  createKanoElement,
  createLaneRecord,
  createPersonaRecord,
  createPhaseRecord,
  createStepRecord,
  createTouchpoint,
  indicesBetween,
  type CellRecord,
  type JourneyDocument,
  createLinkRecord,
  emptyLists,
  type LinkRecord,
  type PhaseId,
  type StepRecord,
} from '@klantreis/schema';
import type { TemplateId } from './index.ts';
import type { LocalizedText, TemplateDefinition, TemplateLocale } from './templateDefinition.ts';

/** The stored journeys of templates, for the links of an experience map built after them. */
export type LinkedJourneys = ReadonlyMap<TemplateId, { journeyId: string; phaseIds: readonly PhaseId[] }>;

/**
 * Turns a bilingual template into a fresh document in one language, with new ids on every call.
 * Links to templates found in `linked` become link records and sub-journey ids; others are left out.
 */
export function buildJourneyDocument(definition: TemplateDefinition, locale: TemplateLocale, linked: LinkedJourneys = new Map()): JourneyDocument {
  const text = (value: LocalizedText): string => value[locale];

  const personas = definition.personas.map((persona) =>
    createPersonaRecord({
      name: text(persona.name),
      description: text(persona.description),
      goals: text(persona.goals),
      color: persona.color,
    }),
  );

  // Each index list is made for the list it orders (the phases' records are made from the
  // definition's phases, the steps counted over all of them), so every position below is in range.
  const laneIndices = indicesBetween(null, null, DEFAULT_LANE_KINDS.length);
  const lanes = DEFAULT_LANE_KINDS.map((kind, i) => createLaneRecord({ kind, index: laneIndices[i]! }));

  const phaseIndices = indicesBetween(null, null, definition.phases.length);
  const phases = definition.phases.map((phase, i) =>
    createPhaseRecord({ index: phaseIndices[i]!, name: text(phase.name), momentOfTruth: text(phase.momentOfTruth) }),
  );

  // One index sequence over the whole journey rather than per phase: steps stay in time order
  // whether a reader sorts them within their phase or across the map.
  const stepCount = definition.phases.reduce((sum, phase) => sum + phase.steps.length, 0);
  const stepIndices = indicesBetween(null, null, stepCount);
  const steps: StepRecord[] = [];
  const cells: CellRecord[] = [];
  definition.phases.forEach((phase, phasePosition) => {
    for (const step of phase.steps) {
      const record = createStepRecord({
        phaseId: phases[phasePosition]!.id,
        index: stepIndices[steps.length]!,
        title: text(step.title),
        description: text(step.description),
        score: step.score,
        beforeFirstContact: step.beforeFirstContact ?? false,
        wait: step.wait ?? null,
        touchpoints: (step.touchpoints ?? []).map((touchpoint) =>
          createTouchpoint({
            channel: touchpoint.channel,
            customChannel: touchpoint.customChannel ? text(touchpoint.customChannel) : '',
            name: text(touchpoint.name),
            department: text(touchpoint.department),
            importance: touchpoint.importance,
          }),
        ),
        kano: (step.kano ?? []).map((element) => createKanoElement({ text: text(element.text), category: element.category })),
        serviceConcept: step.serviceConcept ?? null,
        momentOfTruth: step.momentOfTruth ?? false,
        subJourneyId: (step.subJourney && linked.get(step.subJourney)?.journeyId) || null,
      });
      steps.push(record);
      for (const lane of lanes) {
        const cellText = lane.kind === 'custom' ? undefined : step.cells[lane.kind];
        if (cellText) cells.push(createCellRecord(lane.id, record.id, text(cellText)));
      }
    }
  });

  const links: LinkRecord[] = [];
  definition.phases.forEach((phase, phasePosition) => {
    const present = (phase.links ?? []).filter((link) => linked.has(link.template));
    const indices = indicesBetween(null, null, present.length);
    present.forEach((link, i) => {
      const target = linked.get(link.template)!;
      const targetPhaseId = link.phase === undefined ? null : (target.phaseIds[link.phase] ?? null);
      links.push(createLinkRecord({ phaseId: phases[phasePosition]!.id, journeyId: target.journeyId, targetPhaseId, index: indices[i]! }));
    });
  });

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journey: createJourneyRecord({
      title: text(definition.title),
      description: text(definition.description),
      kind: definition.kind,
      locale,
      personaIds: personas.map((persona) => persona.id),
      journeyScore: definition.journeyScore,
    }),
    ...emptyLists(),
    phases,
    steps,
    lanes,
    cells,
    personas,
    links,
  };
}
