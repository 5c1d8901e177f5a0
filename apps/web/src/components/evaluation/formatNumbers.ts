import { formatScore, type Locale } from '@klantreis/evaluation';

// Numbers as the evaluation's sentences write them, so the panel and the messages agree:
// a decimal comma in Dutch and a real minus sign.

/** A score on the −2..+2 axis: "+1,5", "0", "−2"; a dash when there is none. */
export function scoreText(score: number | null, locale: Locale): string {
  return score === null ? '–' : formatScore(score, locale);
}

/** A coefficient such as Better or Worse with two decimals: "0,75", "−0,50". */
export function decimalText(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  const text = Math.abs(value).toFixed(2);
  return `${value < 0 && Number(text) !== 0 ? '−' : ''}${locale === 'nl' ? text.replace('.', ',') : text}`;
}
