import { MAX_JOURNEY_TAGS } from '@klantreis/schema';

// A journey's tags are typed as one line, separated by commas (the portfolio's row and the
// editor's journey details): read back here into the list the schema accepts.

const MAX_TAG_LENGTH = 40;

/** "leden, digitaal , leden" → ["leden", "digitaal"]: trimmed, no empties, no doubles, at most the schema's number and length. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().slice(0, MAX_TAG_LENGTH).trim())
    .filter(Boolean);
  return [...new Set(tags)].slice(0, MAX_JOURNEY_TAGS);
}
