import type * as Y from 'yjs';
import { kanoElementSchema, type KanoCategory, type KanoElement, type KanoResponses, type StepId } from '@klantreis/schema';
import { assertValidRecord, patchRecord, readRecord, RecordValidationError } from './recordBinding.ts';

/** The outcome of a questionnaire for one element: its counted answers and the category they give. */
export interface KanoResult {
  stepId: string;
  elementId: string;
  responses: KanoResponses;
  category: KanoCategory | null;
}

/**
 * Writes questionnaire results to their Kano elements, all in one transaction: every target is
 * checked first, so one unknown element refuses the whole import and changes nothing. The
 * responses replace the element's earlier ones (importing the same file twice counts it once).
 */
export function setKanoResults(doc: Y.Doc, results: readonly KanoResult[], origin?: unknown): void {
  const byStep = new Map<string, KanoResult[]>();
  results.forEach((result, i) => {
    const list = byStep.get(result.stepId) ?? [];
    list.push(result);
    byStep.set(result.stepId, list);
    const parsed = kanoElementSchema.shape.responses.safeParse(result.responses);
    if (!parsed.success) throw new RecordValidationError(result.stepId, `results[${i}].responses`, parsed.error.issues[0]!.message);
  });
  const patches: Array<{ stepId: StepId; kano: KanoElement[] }> = [];
  for (const [stepId, stepResults] of byStep) {
    const step = readRecord(doc, stepId) as { kano?: KanoElement[] } | undefined;
    if (!stepId.startsWith('step:') || !step?.kano) throw new RecordValidationError(stepId, 'id', 'no such step');
    const kano = step.kano.map((element) => ({ ...element }));
    for (const result of stepResults) {
      const element = kano.find((k) => k.id === result.elementId);
      if (!element) throw new RecordValidationError(stepId, 'kano', `no Kano element with id ${result.elementId}`);
      element.responses = { ...result.responses };
      element.category = result.category;
    }
    // Yjs cannot roll a transaction back, so every step is validated before the first write.
    assertValidRecord('step', { ...step, kano });
    patches.push({ stepId: stepId as StepId, kano });
  }
  doc.transact(() => {
    for (const { stepId, kano } of patches) patchRecord(doc, stepId, { kano });
  }, origin);
}
