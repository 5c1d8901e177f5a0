// Measured data is shown on the same −2..+2 axis as the designed scores, as a real number.

export const MEASURE_SCALES = ['csat', 'zero-to-ten', 'happiness'] as const;
/** `csat`: 1–5; `zero-to-ten`: an NPS-style 0–10 question; `happiness`: −100..+100. */
export type MeasureScale = (typeof MEASURE_SCALES)[number];

const RANGES: Record<MeasureScale, readonly [number, number]> = {
  csat: [1, 5],
  'zero-to-ten': [0, 10],
  happiness: [-100, 100],
};

/** CSAT 1–5 → score − 3; 0–10 → (score − 5) / 2.5; −100..+100 → value / 50. Out of range throws a RangeError. */
export function toAxis(value: number, scale: MeasureScale): number {
  const [low, high] = RANGES[scale];
  if (!Number.isFinite(value) || value < low || value > high) {
    throw new RangeError(`a ${scale} value must be a number from ${low} to ${high}, got ${value}`);
  }
  switch (scale) {
    case 'csat':
      return value - 3;
    case 'zero-to-ten':
      return (value - 5) / 2.5;
    case 'happiness':
      return value / 50;
  }
}
