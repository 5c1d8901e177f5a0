/** The width of a string in px at a font size, for one weight of the export font. */
export type FontWeight = 'regular' | 'bold';

export interface TextMeasure {
  width(text: string, size: number, weight: FontWeight): number;
}

/**
 * Wraps text into lines no wider than `maxWidth`, the way the editor wraps a cell: at spaces,
 * at the line breaks the author typed, and inside a word only when the word alone is wider than
 * the line (the editor's `overflow-wrap: anywhere`). Beyond `maxLines` the last line ends in "…",
 * so a poster never cuts text off without saying so.
 */
export function wrapText(text: string, options: { maxWidth: number; size: number; weight: FontWeight; maxLines: number; measure: TextMeasure }): string[] {
  const { maxWidth, size, weight, maxLines, measure } = options;
  const fits = (line: string) => measure.width(line, size, weight) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // A word wider than the line breaks where it must, with a hyphen, leaving at least three
      // letters for the next line ("zelfbedieningsmagazi-jn" reads badly).
      let rest = word;
      while (!fits(rest)) {
        let cut = 1;
        while (cut < rest.length - 1 && fits(`${rest.slice(0, cut + 1)}-`)) cut++;
        if (rest.length - cut < 3 && cut > 4) cut -= 3 - (rest.length - cut);
        lines.push(`${rest.slice(0, cut)}-`);
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
    if (lines.length > maxLines) break;
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last !== '' && !fits(`${last}…`)) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
