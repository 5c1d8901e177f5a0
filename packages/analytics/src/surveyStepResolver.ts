import type { StepResolution, StepResolver } from './surveyTypes.ts';

/** The parts of a journey step a survey row can name it by. */
export interface ResolvableStep {
  id: string;
  title: string;
  touchpoints: readonly { name: string }[];
}

/** Words for "the journey as a whole", in English and Dutch. */
const JOURNEY_WORDS = new Set(['journey', 'the journey', 'whole journey', 'overall', 'klantreis', 'reis', 'de reis', 'hele reis', 'de hele reis', 'totaal', 'algemeen']);

function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Resolves a survey row's step column: a step id, a step title or a touchpoint name (case and
 * spacing ignored), or a word for the whole journey. A name shared by several steps is refused
 * rather than guessed, with the steps' numbers so the file can use the id instead.
 */
export function stepResolverFor(steps: readonly ResolvableStep[]): StepResolver {
  const byId = new Map(steps.map((step) => [step.id, step.id]));
  const byName = new Map<string, Set<number>>();
  steps.forEach((step, index) => {
    for (const name of [step.title, ...step.touchpoints.map((touchpoint) => touchpoint.name)]) {
      const k = key(name);
      if (k === '') continue;
      const set = byName.get(k) ?? new Set<number>();
      set.add(index);
      byName.set(k, set);
    }
  });
  return (reference: string): StepResolution => {
    const text = reference.trim();
    if (text === '') return { kind: 'unknown', reason: 'empty: name a step or touchpoint, or write "journey" for the journey as a whole' };
    const id = byId.get(text);
    if (id !== undefined) return { kind: 'step', stepId: id };
    if (JOURNEY_WORDS.has(key(text))) return { kind: 'journey' };
    const matches = byName.get(key(text)) ?? new Set<number>();
    if (matches.size > 1) {
      const numbers = [...matches].map((index) => index + 1).join(' and ');
      return { kind: 'unknown', reason: `${JSON.stringify(text)} names more than one step (steps ${numbers}); use the step id` };
    }
    const [position] = matches;
    const step = position === undefined ? undefined : steps[position];
    if (step === undefined) return { kind: 'unknown', reason: `no step or touchpoint is called ${JSON.stringify(text)}` };
    return { kind: 'step', stepId: step.id };
  };
}
