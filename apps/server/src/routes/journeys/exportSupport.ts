import type { JourneyDocument } from '@klantreis/schema';
import { VersionStore, type JourneyStore } from '@klantreis/db';
import type { MeasuredStep } from '@klantreis/render';
import type { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import { HttpError } from '../../httpErrors.ts';

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

/** The title block's version: the newest named version, with its date ("Workshop 12 May · 12-05-2026"). */
export async function versionLabel(store: JourneyStore, journeyId: string, locale: 'nl' | 'en'): Promise<string | undefined> {
  const named = (await new VersionStore(store.db).listVersions(journeyId)).find((v) => v.kind === 'named');
  if (!named) return undefined;
  return `${named.name} (${new Date(named.createdAt).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB')})`;
}

/**
 * Exports that draw (PDF, PNG, slides, workbooks) take the CPU for up to seconds each: at most
 * `running` at once in this process, at most `waiting` queued behind them; more is refused with
 * 503 rather than letting a burst of requests starve the editors' sockets.
 */
export class ExportSlots {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly running: number;
  private readonly waiting: number;

  constructor(running = 2, waiting = 20) {
    this.running = running;
    this.waiting = waiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) throw new HttpError(503, 'too many exports at once; try again in a moment');
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.active++;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export const exportSlots = new ExportSlots();
