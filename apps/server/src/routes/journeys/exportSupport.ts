import type { JourneyDocument } from '@klantreis/schema';
import { VersionStore, type JourneyStore } from '@klantreis/db';
import { measuredStepsFromMetrics, type MeasuredStep } from '@klantreis/render';
import type { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import { HttpError } from '../../httpErrors.ts';

/**
 * The measured steps for an export's measured curve and figures, from the same measurement the
 * editor draws (`JourneyAnalytics.measure`, the metrics API): a step's mean survey score, and
 * where the event logs reach it its drop-off share and p90 wait; an empty map for a journey
 * without imports, which then exports as it always did. An export never fails because the
 * measurement does: it is then drawn without the measured curve (and the failure is logged).
 *
 * Share-link viewers fetch the journey again on every change: `measure` shares one computation
 * between requests that ask at the same moment and remembers it by what it was measured from, so
 * thirty viewers of a workshop's map cost one measurement, and a keystroke in a cell none.
 */
export async function measuredSteps(analytics: JourneyAnalytics, journeyId: string, document: JourneyDocument, log?: { warn(details: object, message: string): void }): Promise<Map<string, MeasuredStep>> {
  if ((await analytics.imports.list(journeyId)).length === 0) return new Map();
  try {
    // The editor reads the measurement by month; the step figures do not depend on the period.
    return measuredStepsFromMetrics((await analytics.measure(journeyId, document, { period: 'month' })).metrics.steps);
  } catch (error) {
    log?.warn({ err: error, journeyId }, 'measuring the journey for an export failed; drawn without the measured figures');
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
