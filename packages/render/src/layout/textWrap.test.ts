import { describe, expect, it } from 'vitest';
import { fontMeasure } from '../fonts.ts';
import { wrapText } from './textWrap.ts';

const measure = fontMeasure();
const wrap = (text: string, maxWidth: number, maxLines = 10) => wrapText(text, { maxWidth, size: 13, weight: 'regular', maxLines, measure });

describe('wrapText', () => {
  it('breaks at spaces, keeps every line within the width and every word in order', () => {
    const text = 'Zoekt een parkeerplek, haalt Mila uit het autostoeltje en loopt naar de ingang.';
    const lines = wrap(text, 172);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measure.width(line, 13, 'regular')).toBeLessThanOrEqual(172);
    expect(lines.join(' ')).toBe(text);
  });

  it('keeps the line breaks the author typed', () => {
    expect(wrap('een\ntwee', 500)).toEqual(['een', 'twee']);
  });

  it('breaks a word wider than the line with a hyphen and leaves at least three letters', () => {
    const word = 'zelfbedieningsmagazijn';
    const width = measure.width(word, 13, 'regular') - 2;
    const lines = wrap(word, width);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.endsWith('-')).toBe(true);
    expect(lines[1]!.length).toBeGreaterThanOrEqual(3);
    expect(lines.join('').replace('-', '')).toBe(word);
    for (const line of wrap(word, 50)) expect(measure.width(line, 13, 'regular')).toBeLessThanOrEqual(50);
  });

  it('ends with an ellipsis when the text needs more lines than it may take', () => {
    const lines = wrap('een twee drie vier vijf zes zeven acht negen tien elf twaalf', 60, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(measure.width(lines[1]!, 13, 'regular')).toBeLessThanOrEqual(60);
  });

  it('gives no lines for empty text', () => {
    expect(wrap('', 100)).toEqual([]);
    expect(wrap('   ', 100)).toEqual([]);
  });
});
