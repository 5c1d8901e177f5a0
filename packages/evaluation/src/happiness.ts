// Happiness as IT experience management measures it: on a 0–10 question, the share of
// happy users (9–10) minus the share of unhappy ones (0–6), from −100 to +100.

function assertInRange(values: readonly number[], low: number, high: number, what: string): void {
  values.forEach((value, i) => {
    if (!Number.isFinite(value) || value < low || value > high) {
      throw new RangeError(`${what}[${i}]: must be a number from ${low} to ${high}, got ${value}`);
    }
  });
}

/** %(9–10) − %(0–6) of scores on a 0–10 scale; null without scores. */
export function happiness(scores0to10: readonly number[]): number | null {
  if (scores0to10.length === 0) return null;
  assertInRange(scores0to10, 0, 10, 'scores');
  let happy = 0;
  let unhappy = 0;
  for (const score of scores0to10) {
    if (score >= 9) happy++;
    else if (score <= 6) unhappy++;
  }
  return ((happy - unhappy) / scores0to10.length) * 100;
}

/** The mean of the minutes users say they lost; null without answers. */
export function lostTime(minutes: readonly number[]): number | null {
  if (minutes.length === 0) return null;
  assertInRange(minutes, 0, Number.MAX_VALUE, 'minutes');
  let sum = 0;
  for (const m of minutes) sum += m;
  return sum / minutes.length;
}
