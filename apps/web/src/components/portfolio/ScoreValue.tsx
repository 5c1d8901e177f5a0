import type { Locale } from '@klantreis/evaluation';
import { scoreColor } from '@klantreis/schema';
import { scoreText } from '../evaluation/formatNumbers.ts';

/**
 * A remembered score on the app's colour scale (dark red … dark green, as on the map) with its
 * number beside the swatch, so it is read without the colour. No hooks: a portfolio row has two.
 */
export function ScoreValue({ score, locale }: { score: number | null; locale: Locale }) {
  if (score === null) return <span className="score-value score-value--none">–</span>;
  return (
    <span className="score-value" data-score={Math.round(score * 100) / 100}>
      <span className="score-value__swatch" style={{ background: scoreColor(score) }} aria-hidden="true" />
      {scoreText(Math.round(score * 10) / 10, locale)}
    </span>
  );
}
