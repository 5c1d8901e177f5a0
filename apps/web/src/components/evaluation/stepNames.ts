import type { StepRecord } from '@klantreis/schema';
import { stepDisplayTitle } from '../../canvas/mapLayout.ts';

/** Each step's name as the map shows it (its title, or "Untitled step 4"), by id. */
export function stepNames(steps: readonly StepRecord[], untitled: string): Map<string, string> {
  return new Map<string, string>(steps.map((step, i) => [step.id, stepDisplayTitle(step, i + 1, untitled)]));
}
