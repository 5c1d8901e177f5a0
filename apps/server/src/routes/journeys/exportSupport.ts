import type { JourneyDocument } from '@klantreis/schema';
import type { MeasuredStep } from '@klantreis/render';
import type { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';

/**
 * The measured score per step for an export's measured curve and columns; an empty map for a
 * journey without survey answers. An export never fails because the measurement does: it is
 * then drawn without the measured curve.
 */
export async function measuredSteps(analytics: JourneyAnalytics, journeyId: string, document: JourneyDocument): Promise<Map<string, MeasuredStep>> {
  const imports = await analytics.imports.list(journeyId);
  if (!imports.some((i) => i.kind === 'survey')) return new Map();
  try {
    const { metrics } = await analytics.measure(journeyId, document);
    return new Map(metrics.steps.map((step) => [step.stepId, { score: step.survey.axisMean }]));
  } catch {
    return new Map();
  }
}

/** An attachment header that carries any title: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '') || 'journey';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
