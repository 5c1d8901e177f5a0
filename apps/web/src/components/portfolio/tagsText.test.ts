import { describe, expect, it } from 'vitest';
import { MAX_JOURNEY_TAGS } from '@klantreis/schema';
import { parseTags } from './tagsText.ts';

describe('parseTags', () => {
  it('trims, drops empty and repeated tags, keeps the order typed', () => {
    expect(parseTags(' leden, digitaal ,, leden ,')).toEqual(['leden', 'digitaal']);
    expect(parseTags('')).toEqual([]);
  });
  it('keeps at most the schema’s number of tags of at most 40 characters', () => {
    expect(parseTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(','))).toHaveLength(MAX_JOURNEY_TAGS);
    expect(parseTags('x'.repeat(50))).toEqual(['x'.repeat(40)]);
  });
});
