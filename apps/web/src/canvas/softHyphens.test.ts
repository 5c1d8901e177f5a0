import { describe, expect, it } from 'vitest';
import { syllableBreaks, withSoftHyphens } from './softHyphens.ts';

const shown = (text: string) => withSoftHyphens(text).replaceAll('\u00ad', '-');

describe('soft hyphens in long words on the map', () => {
  it('breaks Dutch compounds between syllables, never inside "ng", "ch" or "ij"', () => {
    expect(shown('zelfbedieningsmagazijn')).toBe('zelf-be-die-nings-ma-ga-zijn');
    expect(shown('Contactmomenten')).toBe('Con-tact-mo-men-ten');
    expect(shown('verzekeringsaanvraag')).toBe('ver-ze-ke-rings-aan-vraag');
    expect(shown('aanvraagformulieren')).toBe('aan-vraag-for-mu-lie-ren');
    // A step head's title beside its handle has room for about ten letters a line.
    expect(shown('Binnenkomen, Mila naar Småland')).toBe('Bin-nen-ko-men, Mila naar Småland');
  });

  it('keeps three letters at either end and leaves short words, numbers and links alone', () => {
    for (const at of syllableBreaks('internationalization')) {
      expect(at).toBeGreaterThanOrEqual(3);
      expect('internationalization'.length - at).toBeGreaterThanOrEqual(3);
    }
    expect(withSoftHyphens('Pakt tas, potlood en meetlint')).toBe('Pakt tas, potlood en meetlint');
    expect(withSoftHyphens('https://example.org/1234567890123')).toBe('https://example.org/1234567890123');
  });

  it('changes only how the text can break, not what it says', () => {
    const text = 'Dozen halen in het zelfbedieningsmagazijn; wachttijdregistratie';
    expect(withSoftHyphens(text).replaceAll('\u00ad', '')).toBe(text);
  });
});
