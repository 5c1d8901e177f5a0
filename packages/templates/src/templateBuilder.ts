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
  type StepRecord, emptyLists } from '@klantreis/schema';
import type { LocalizedText, TemplateDefinition, TemplateLocale } from './templateDefinition.ts';

/** Turns a bilingual template into a fresh document in one language, with new ids on every call. */
export function buildJourneyDocument(definition: TemplateDefinition, locale: TemplateLocale): JourneyDocument {
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
      });
      steps.push(record);
      for (const lane of lanes) {
        const cellText = lane.kind === 'custom' ? undefined : step.cells[lane.kind];
        if (cellText) cells.push(createCellRecord(lane.id, record.id, text(cellText)));
      }
    }
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
  };
}
