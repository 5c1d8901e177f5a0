import { z } from 'zod';
import { MAX_SCORE, MIN_SCORE } from './limits.ts';

/** A designed satisfaction score: −2 zeer negatief … +2 zeer positief. */
export const scoreSchema = z.number().int().min(MIN_SCORE).max(MAX_SCORE);
export type Score = -2 | -1 | 0 | 1 | 2;
export const SCORES: readonly Score[] = [-2, -1, 0, 1, 2];

/** The axis colours from PRODUCT.md: dark red, light red, neutral, light green, dark green. */
export const SCORE_COLORS: Record<Score, string> = {
  [-2]: '#b3261e',
  [-1]: '#ef9a9a',
  0: '#cfd8dc',
  1: '#a5d6a7',
  2: '#1b7f3b',
};

export function scoreColor(score: number | null): string {
  if (score === null) return '#eceff1';
  const rounded = Math.max(MIN_SCORE, Math.min(MAX_SCORE, Math.round(score))) as Score;
  return SCORE_COLORS[rounded];
}
