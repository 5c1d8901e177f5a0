import type { KanoCategory } from '@klantreis/schema';
import { kanoBetter, kanoWorse, type KanoCounts } from './kano.ts';
import type { OrderedJourney } from './orderedJourney.ts';

/** What the questionnaire says about one Kano element: the input of the Better/Worse chart. */
export interface KanoElementSummary {
  stepId: string;
  elementId: string;
  text: string;
  category: KanoCategory | null;
  responses: KanoCounts;
  /** All answers, Q included. */
  total: number;
  better: number | null;
  worse: number | null;
}

/** Every Kano element that has questionnaire responses, in the order of the map. */
export function kanoSummary(journey: OrderedJourney): KanoElementSummary[] {
  const out: KanoElementSummary[] = [];
  for (const { step } of journey.steps) {
    for (const element of step.kano) {
      // `?? null`: a snapshot written before the questionnaire existed has no field at all.
      const responses = element.responses ?? null;
      if (responses === null) continue;
      const total = responses.A + responses.O + responses.M + responses.I + responses.R + responses.Q;
      out.push({
        stepId: step.id,
        elementId: element.id,
        text: element.text,
        category: element.category,
        responses: { ...responses },
        total,
        better: kanoBetter(responses),
        worse: kanoWorse(responses),
      });
    }
  }
  return out;
}
