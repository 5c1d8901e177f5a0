/**
 * How a journey is remembered. The default is Kahneman's peak-end rule; `mean` is what a
 * plain average would predict (the contrast the rule was found against); `weighted` lets a
 * team say that a peak counts extra at the start and even more at the end.
 */
export type RememberedModel =
  | { kind: 'peak-end' }
  | { kind: 'mean' }
  | { kind: 'weighted'; start: number; peak: number; end: number };

export const DEFAULT_REMEMBERED_MODEL: RememberedModel = { kind: 'peak-end' };

/** Throws a RangeError naming the field when a model cannot be computed; a valid model passes silently. */
export function assertRememberedModel(model: RememberedModel): void {
  if (model.kind === 'peak-end' || model.kind === 'mean') return;
  if (model.kind !== 'weighted') throw new RangeError(`model.kind: unknown remembered model ${JSON.stringify((model as { kind: unknown }).kind)}`);
  for (const field of ['start', 'peak', 'end'] as const) {
    const weight = model[field];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`model.${field}: a weight must be a finite number of 0 or more, got ${weight}`);
    }
  }
  if (model.start + model.peak + model.end <= 0) {
    throw new RangeError('model: the weights start, peak and end must not all be 0');
  }
}

/**
 * The index of the most intense score: the largest distance from `neutral`; on a tie the
 * lower score wins, because a bad moment of the same strength weighs more in memory; among
 * equal scores the first one.
 */
export function mostIntenseIndex(scores: readonly number[], neutral = 0): number {
  let best = -1;
  let bestIntensity = -1;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    const intensity = Math.abs(score - neutral);
    if (intensity > bestIntensity || (intensity === bestIntensity && score < scores[best]!)) {
      best = i;
      bestIntensity = intensity;
    }
  }
  return best;
}

/**
 * The remembered score of a sequence of scores, in time order, on any scale: `neutral` is the
 * scale's middle, from which intensity is measured (0 on the −2..+2 axis and on a 0–10 pain
 * scale, 3 on CSAT 1–5). Null for an empty sequence.
 * With the default model, Kahneman's pair holds: [8, 7] → 7.5 and [8, 1] → 4.5.
 */
export function rememberedScore(
  scores: readonly number[],
  model: RememberedModel = DEFAULT_REMEMBERED_MODEL,
  neutral = 0,
): number | null {
  if (scores.length === 0) return null;
  assertRememberedModel(model);
  const end = scores[scores.length - 1]!;
  switch (model.kind) {
    case 'mean': {
      let sum = 0;
      for (const score of scores) sum += score;
      return sum / scores.length;
    }
    case 'peak-end':
      return (scores[mostIntenseIndex(scores, neutral)]! + end) / 2;
    case 'weighted': {
      const peak = scores[mostIntenseIndex(scores, neutral)]!;
      const total = model.start + model.peak + model.end;
      return (model.start * scores[0]! + model.peak * peak + model.end * end) / total;
    }
  }
}
