import { describe, expect, it } from 'vitest';
import { CELL_TEXT_WIDTH, badgeRows, estimatedHeadHeight, tallestTexts, wrappedLines, type WidthOf } from './laneSizer.ts';

// 7 px a letter: 19 letters fit the 139 px of a cell's text.
const letters: WidthOf = (text) => text.length * 7;
const plain = (texts: string[]) => texts.map((text) => ({ text, votes: false }));
const textsOf = (cells: { text: string }[]) => cells.map((cell) => cell.text);

describe('the lane sizer ranks a lane’s texts by the lines they take in a cell', () => {
  it('wraps at spaces, at the author’s line breaks, at soft hyphens in long words, and anywhere in a piece wider than the line', () => {
    expect(CELL_TEXT_WIDTH).toBe(139);
    expect(wrappedLines('Pay at the till', letters)).toBe(1);
    expect(wrappedLines('Pay at the till and walk to the exit', letters)).toBe(2);
    expect(wrappedLines('one\ntwo\nthree', letters)).toBe(3);
    expect(wrappedLines('one\n\nthree', letters)).toBe(3);
    // "zelf-be-die-nings-ma-ga-zijn" breaks between syllables: 22 letters, two lines.
    expect(wrappedLines('zelfbedieningsmagazijn', letters)).toBe(2);
    // No syllables in a code: it breaks where the line is full.
    expect(wrappedLines('X'.repeat(50), letters)).toBe(3);
  });

  it('puts a text of one long word above texts of more letters in short words when it takes more lines', () => {
    const short = 'Text for step 12 in this lane, long enough to wrap onto a second line.';
    const long = 'Zelfbedieningsmagazijnmedewerkersopleidingstrajectevaluatieformulier en verder';
    expect(wrappedLines(long, letters)).toBeGreaterThan(wrappedLines(short, letters));
    const texts = [...Array.from({ length: 50 }, (_, i) => short.replace('12', String(i))), long];
    expect(tallestTexts(plain(texts), letters, 3)[0]!.text).toBe(long);
  });

  it('leaves out empty cells and repeats, and gives at most the count asked for, tallest first', () => {
    const texts = ['', '  ', 'a', 'a', 'one\ntwo', 'one\ntwo\nthree\nfour', 'x y z'];
    expect(textsOf(tallestTexts(plain(texts), letters, 2))).toEqual(['one\ntwo\nthree\nfour', 'one\ntwo']);
    expect(tallestTexts(plain(['', ' ']), letters)).toEqual([]);
    expect(tallestTexts(plain(texts), letters, 10)).toHaveLength(4);
  });

  it('counts the room for dots under a cell that shows them (30 px, nearly two lines)', () => {
    const cells = [{ text: 'one\ntwo\nthree', votes: false }, { text: 'one\ntwo', votes: true }];
    expect(tallestTexts(cells, letters, 1)).toEqual([{ text: 'one\ntwo', votes: true }]);
    // The same text with and without dots is two candidates.
    expect(tallestTexts([{ text: 'a', votes: false }, { text: 'a', votes: true }], letters)).toHaveLength(2);
  });

  it('ranks a step head by its title lines and its badges’ rows, packed by their widths', () => {
    expect(badgeRows([], letters)).toBe(0);
    expect(badgeRows(['App', 'Store'], letters)).toBe(1);
    // Two long custom channels do not share a row; two short ones do.
    expect(badgeRows(['Persoonlijk adviesgesprek', 'Persoonlijk adviesgesprek'], letters)).toBe(2);
    const short = estimatedHeadHeight('1. Pay', ['App', 'Web'], letters);
    const long = estimatedHeadHeight('2. Pay', ['Persoonlijk adviesgesprek', 'Persoonlijk adviesgesprek'], letters);
    expect(long).toBeGreaterThan(short);
  });
});
