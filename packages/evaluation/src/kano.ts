import type { KanoCategory } from '@klantreis/schema';

// The Kano questionnaire asks about each element twice: how do you feel when it is there
// (functional) and when it is not (dysfunctional). The pair classifies by the standard table.

export const KANO_ANSWERS = ['like', 'must-be', 'neutral', 'live-with', 'dislike'] as const;
export type KanoAnswer = (typeof KANO_ANSWERS)[number];

/** A attractive, O one-dimensional (performance), M must-be, I indifferent, R reverse, Q questionable. */
export const KANO_CLASSES = ['A', 'O', 'M', 'I', 'R', 'Q'] as const;
export type KanoClass = (typeof KANO_CLASSES)[number];

/** Rows: the functional answer; columns: the dysfunctional answer. */
export const KANO_TABLE: Readonly<Record<KanoAnswer, Readonly<Record<KanoAnswer, KanoClass>>>> = {
  like: { like: 'Q', 'must-be': 'A', neutral: 'A', 'live-with': 'A', dislike: 'O' },
  'must-be': { like: 'R', 'must-be': 'I', neutral: 'I', 'live-with': 'I', dislike: 'M' },
  neutral: { like: 'R', 'must-be': 'I', neutral: 'I', 'live-with': 'I', dislike: 'M' },
  'live-with': { like: 'R', 'must-be': 'I', neutral: 'I', 'live-with': 'I', dislike: 'M' },
  dislike: { like: 'R', 'must-be': 'R', neutral: 'R', 'live-with': 'R', dislike: 'Q' },
};

// The answer words of the usual English and Dutch questionnaires, compared after
// lower-casing, trimming, dropping end punctuation and treating "-" and "_" as spaces.
const ANSWER_WORDS: Record<KanoAnswer, readonly string[]> = {
  like: ['like', 'i like it', 'i like it that way', 'leuk', 'prettig', 'fijn', 'dat vind ik leuk', 'dat vind ik prettig', 'ik vind het leuk', 'ik vind het prettig'],
  'must-be': ['must be', 'must have', 'i expect it', 'it must be that way', 'expected', 'vanzelfsprekend', 'verwacht', 'dat verwacht ik', 'ik verwacht het', 'dat is vanzelfsprekend', 'moet zo zijn', 'dat moet zo zijn', 'noodzakelijk'],
  neutral: ['neutral', 'i am neutral', "i'm neutral", 'i do not care', "i don't care", 'neutraal', 'maakt niet uit', 'het maakt me niet uit', 'dat maakt me niet uit', 'maakt me niet uit', 'ik ben neutraal'],
  'live-with': ['live with', 'i can live with it', 'can live with it', 'tolerate', 'i can tolerate it', 'kan ermee leven', 'ik kan ermee leven', 'kan er mee leven', 'ik kan er mee leven', 'accepteer', 'ik accepteer het', 'accepteren', 'acceptabel'],
  dislike: ['dislike', 'i dislike it', 'i dislike it that way', 'niet leuk', 'vervelend', 'dat vind ik niet leuk', 'dat vind ik vervelend', 'ik vind het niet leuk', 'ik vind het vervelend', 'onprettig'],
};

function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[.!?]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ANSWER_BY_WORD = new Map<string, KanoAnswer>();
for (const answer of KANO_ANSWERS) {
  ANSWER_BY_WORD.set(normaliseWord(answer), answer);
  for (const word of ANSWER_WORDS[answer]) ANSWER_BY_WORD.set(normaliseWord(word), answer);
}

/** The answer an English or Dutch word stands for ("Leuk", "I can live with it", "vanzelfsprekend"); null when unknown. */
export function parseKanoAnswer(word: string): KanoAnswer | null {
  return ANSWER_BY_WORD.get(normaliseWord(word)) ?? null;
}

export function classifyKanoAnswer(functional: KanoAnswer, dysfunctional: KanoAnswer): KanoClass {
  return KANO_TABLE[functional][dysfunctional];
}

export interface KanoResponse {
  /** A KanoAnswer or a word parseKanoAnswer accepts. */
  functional: string;
  dysfunctional: string;
}

export type KanoCounts = Record<KanoClass, number>;

/** Classifies every response; an answer word that is not understood throws a RangeError naming the response. */
export function countKanoResponses(responses: readonly KanoResponse[]): KanoCounts {
  const counts: KanoCounts = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
  responses.forEach((response, i) => {
    const functional = parseKanoAnswer(response.functional);
    if (functional === null) throw new RangeError(`responses[${i}].functional: unknown Kano answer ${JSON.stringify(response.functional)}`);
    const dysfunctional = parseKanoAnswer(response.dysfunctional);
    if (dysfunctional === null) {
      throw new RangeError(`responses[${i}].dysfunctional: unknown Kano answer ${JSON.stringify(response.dysfunctional)}`);
    }
    counts[classifyKanoAnswer(functional, dysfunctional)]++;
  });
  return counts;
}

/** Customer satisfaction coefficient: how much having the element adds, 0..1; null without A, O, M or I answers. */
export function kanoBetter(counts: KanoCounts): number | null {
  const total = counts.A + counts.O + counts.M + counts.I;
  return total === 0 ? null : (counts.A + counts.O) / total;
}

/** How much lacking the element takes away, −1..0; null without A, O, M or I answers. */
export function kanoWorse(counts: KanoCounts): number | null {
  const total = counts.A + counts.O + counts.M + counts.I;
  return total === 0 ? null : -(counts.O + counts.M) / total;
}

const CATEGORY_PRIORITY: readonly KanoClass[] = ['M', 'O', 'A', 'I', 'R'];

/**
 * The most frequent class, ties going M > O > A > I > R.
 * Q (questionable: the respondent contradicted themselves) never becomes the category; those
 * answers are left out, as they are from Better and Worse. R (reverse) takes part like the
 * others but loses every tie, so it is the category only when strictly most frequent: a
 * reverse reading should be clear before a team designs the element out. Null when there are
 * only Q answers or none.
 */
export function kanoCategory(counts: KanoCounts): KanoClass | null {
  let best: KanoClass | null = null;
  for (const kanoClass of CATEGORY_PRIORITY) {
    if (counts[kanoClass] > 0 && (best === null || counts[kanoClass] > counts[best])) best = kanoClass;
  }
  return best;
}

const SCHEMA_CATEGORY: Record<KanoClass, KanoCategory | null> = {
  A: 'attractive',
  O: 'performance',
  M: 'must-be',
  I: 'indifferent',
  R: 'reverse',
  Q: null,
};

/** The step record's category for a class; Q has none. */
export function kanoClassToCategory(kanoClass: KanoClass): KanoCategory | null {
  return SCHEMA_CATEGORY[kanoClass];
}

export interface KanoClassification {
  counts: KanoCounts;
  better: number | null;
  worse: number | null;
  kanoClass: KanoClass | null;
  category: KanoCategory | null;
}

/** Everything a questionnaire says about one element. */
export function classifyKano(responses: readonly KanoResponse[]): KanoClassification {
  const counts = countKanoResponses(responses);
  const kanoClass = kanoCategory(counts);
  return {
    counts,
    better: kanoBetter(counts),
    worse: kanoWorse(counts),
    kanoClass,
    category: kanoClass === null ? null : kanoClassToCategory(kanoClass),
  };
}
