// Long words on the map get soft hyphens (U+00AD) between their syllables, so that a column too
// narrow for "zelfbedieningsmagazijn" shows "zelfbedienings-" / "magazijn" instead of cutting
// it anywhere ("zelfbedieningsm agazijn"). CSS `hyphens: auto` does this by itself where the
// browser has a dictionary for the text's `lang`; Chromium on Linux often has none (it fetches
// them on demand), and then only soft hyphens help. Display text only: never the edited value.

const SOFT_HYPHEN = '\u00ad';
/** Words shorter than this fit a column (156 px, a step head's title beside its handle) and are left alone. */
export const MIN_HYPHENATED_LENGTH = 10;
const LONG_WORD = new RegExp(`\\p{L}{${MIN_HYPHENATED_LENGTH},}`, 'gu');
/** Letters kept together at either end of a word: "ge-" or "-en" on its own line reads badly. */
const MIN_PART = 3;

const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i;
// Consonant groups a Dutch or English syllable can start with: a break goes before the longest
// of them that ends a cluster ("aan-vraag", "re-gi-stra-tie", "la-chen"), else before the last consonant.
const ONSETS = new Set(['bl', 'br', 'ch', 'cl', 'cr', 'dr', 'dw', 'fl', 'fr', 'gl', 'gr', 'kl', 'kn', 'kr', 'kw', 'ph', 'pl', 'pr', 'sch', 'schr', 'sh', 'sk', 'sl', 'sm', 'sn', 'sp', 'spl', 'spr', 'st', 'str', 'sw', 'th', 'tr', 'tw', 'vl', 'vr', 'wr', 'zw']);

function isVowelAt(word: string, i: number): boolean {
  const c = word[i]!;
  if (VOWEL.test(c)) return true;
  // Dutch "ij" is one vowel.
  return (c === 'j' || c === 'J') && i > 0 && (word[i - 1] === 'i' || word[i - 1] === 'I');
}

/** Where in a consonant cluster between two vowels the syllables meet, counted from its start. */
function clusterBreak(cluster: string): number {
  // The genitive s of a Dutch compound stays in front: "verzekerings-aanvraag", "bedienings-magazijn".
  if (cluster.startsWith('ngs')) return 3;
  for (let length = Math.min(4, cluster.length); length >= 2; length--) {
    if (ONSETS.has(cluster.slice(-length))) return cluster.length - length;
  }
  return cluster.length - 1;
}

/** Where a word may break, by the rules of thumb V-CV and VC-CV, as offsets into the word. */
export function syllableBreaks(word: string): number[] {
  if (word.length < MIN_HYPHENATED_LENGTH || !/^\p{L}+$/u.test(word)) return [];
  const breaks: number[] = [];
  let i = 0;
  while (i < word.length && !isVowelAt(word, i)) i++;
  while (i < word.length) {
    while (i < word.length && isVowelAt(word, i)) i++;
    const clusterStart = i;
    while (i < word.length && !isVowelAt(word, i)) i++;
    // A cluster at the end of the word belongs to its last syllable.
    if (i >= word.length || i === clusterStart) continue;
    const at = clusterStart + clusterBreak(word.slice(clusterStart, i).toLowerCase());
    if (at >= MIN_PART && word.length - at >= MIN_PART) breaks.push(at);
  }
  return breaks;
}

/** The text with soft hyphens in its long words; short words, numbers and addresses unchanged. */
export function withSoftHyphens(text: string): string {
  if (text.length < MIN_HYPHENATED_LENGTH) return text;
  return text.replace(LONG_WORD, (word) => {
    const breaks = syllableBreaks(word);
    if (breaks.length === 0) return word;
    let out = '';
    let from = 0;
    for (const at of breaks) {
      out += word.slice(from, at) + SOFT_HYPHEN;
      from = at;
    }
    return out + word.slice(from);
  });
}
