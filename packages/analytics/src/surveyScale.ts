import { MEASURE_SCALES, type MeasureScale } from '@klantreis/evaluation';

// How survey exports name their scales, in English and Dutch. Compared lower-cased without spaces.
const SCALE_WORDS: Record<MeasureScale, readonly string[]> = {
  csat: ['csat', '1-5', '1–5', '1..5', '1tot5', 'vijfpunts', 'five-point', '5-point'],
  'zero-to-ten': ['zero-to-ten', '0-10', '0–10', '0..10', '0tot10', 'nps', 'cijfer', 'rapportcijfer', 'ten-point'],
  happiness: ['happiness', '-100..100', '-100..+100', '−100..+100', '-100-100', 'geluk', 'happinessscore'],
};

export function parseScale(text: string): MeasureScale | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, '');
  for (const scale of MEASURE_SCALES) if (SCALE_WORDS[scale].includes(key)) return scale;
  return null;
}

/** A score column named after its scale (`CSAT`, `NPS score`, `happiness`) says which it is. */
export function scaleFromHeader(header: string): MeasureScale | null {
  const name = header.trim().toLowerCase();
  if (/\bcsat\b/.test(name)) return 'csat';
  if (/\bnps\b|\b0\s*[-–]\s*10\b|cijfer/.test(name)) return 'zero-to-ten';
  if (/happiness|geluk/.test(name)) return 'happiness';
  return null;
}

/**
 * The scale that fits every value: a value below 0 or above 10 means −100..+100, a 0 or a value
 * above 5 means 0–10, and values that all lie in 1–5 read as CSAT. Null without values.
 */
export function scaleFromValues(values: readonly number[]): MeasureScale | null {
  if (values.length === 0) return null;
  if (values.some((value) => value < 0 || value > 10)) return 'happiness';
  if (values.some((value) => value < 1 || value > 5)) return 'zero-to-ten';
  return 'csat';
}
