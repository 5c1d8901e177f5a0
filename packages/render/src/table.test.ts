import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { RULE_NAMES } from '@klantreis/evaluation';
import { createActionRecord, createCellRecord, createKanoElement, indicesBetween, type JourneyDocument } from '@klantreis/schema';
import { journeyView } from './journeyView.ts';
import { NUMERIC_COLUMNS, journeyCsv, journeyRows, journeyXlsx, neutralizeFormula } from './table.ts';

const samples = TEMPLATE_IDS.flatMap((id) => (['nl', 'en'] as const).map((locale) => ({ id, locale, doc: buildTemplate(id, locale) })));

/** A small RFC 4180 reader, strict about quotes, so the test does not trust the writer's own rules. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '') {
      const end = closingQuote(text, i + 1);
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      expect([',', '\r', undefined]).toContain(text[i]);
    } else if (char === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (char === '\r') {
      expect(text[i + 1]).toBe('\n');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      expect(char).not.toBe('\n');
      field += char;
      i++;
    }
  }
  expect(row).toEqual([]);
  return rows;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  throw new Error('unterminated quote');
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  // ExcelJS types its input as an ArrayBuffer; a Node Buffer may share a larger one.
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(copy);
  return workbook;
}

/** A template with what the templates lack: actions, targets, a wait, Kano, text that looks like a formula. */
function enriched(): JourneyDocument {
  const doc = buildTemplate('ikea-visit', 'nl');
  const [first, second] = doc.steps;
  first!.targetScore = 2;
  first!.wait = { moment: 'before', minutes: 90 };
  first!.kano = [createKanoElement({ text: 'Gratis parkeren', category: 'must-be' })];
  second!.title = '=HYPERLINK("http://evil.example","klik")';
  const lane = doc.lanes[0]!;
  doc.cells = doc.cells.filter((cell) => !(cell.laneId === lane.id && cell.stepId === first!.id));
  doc.cells.push(createCellRecord(lane.id, first!.id, 'Zegt: "hallo", dan\r\nloopt door; é ä'));
  const [a, b] = indicesBetween(null, null, 2);
  doc.actions = [
    createActionRecord({ index: b!, title: 'Bordjes ophangen', status: 'planned', owner: 'Ans', dueDate: '2025-03-01', stepIds: [second!.id, first!.id] }),
    createActionRecord({ index: a!, title: '@Parkeren regelen', stepIds: [first!.id] }),
  ];
  return doc;
}

const view0 = (doc: JourneyDocument) => journeyView(doc);

describe('the map as CSV and XLSX', () => {
  it.each(samples)('$id ($locale): the CSV reads back as a header and one row per step, with every cell text', ({ doc }) => {
    const view = journeyView(doc);
    const rows = parseCsv(journeyCsv(view));
    expect(rows).toHaveLength(view.steps.length + 1);
    expect(rows).toEqual(journeyRows(view));
    expect(rows.slice(1).map((row) => row[2])).toEqual(view.steps.map((s) => s.title));
    const firstLane = rows[0]!.indexOf(view.lanes[0]!.name);
    view.steps.forEach((step, i) => {
      view.lanes.forEach((lane, j) => expect(rows[i + 1]![firstLane + j]).toBe(view.cellText(lane.lane.id, step.step.id)));
      expect(rows[i + 1]![3]).toBe(step.step.score === null ? '' : String(step.step.score));
    });
  });

  it('quotes commas, quotes and line breaks, and neutralizes formulas but not negative numbers', () => {
    const view = journeyView(enriched());
    const csv = journeyCsv(view);
    expect(csv).toContain('"Zegt: ""hallo"", dan\r\nloopt door; é ä"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    const rows = parseCsv(csv);
    expect(rows[2]![2]).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(rows[1]!.slice(3, 14)).toEqual([String(view.steps[0]!.step.score), '2', '', '', '', '90', '1 uur, 30 min', view.steps[0]!.step.momentOfTruth ? 'ja' : 'nee', rows[1]![11], 'Gratis parkeren (Basisbehoefte)', "'@Parkeren regelen; Bordjes ophangen"]);
    expect(rows.some((row) => row.includes('-1'))).toBe(view.steps.some((s) => s.step.score === -1));
    for (const value of ['=1+1', '+31 6', '-x', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeFormula(value)).toBe(`'${value}`);
    for (const value of ['-1', '-2', '0', '1.5', 'Kassa', '']) expect(neutralizeFormula(value)).toBe(value);
  });

  it('gives a measured step its score, drop-off (%) and p90 wait (min), as numbers in the workbook', async () => {
    const doc = enriched();
    const view = journeyView(doc, {
      measured: new Map([
        [view0(doc).steps[0]!.step.id, { score: 0.456, events: { dropOffShare: 0.1234, waitP90Seconds: 5000 } }],
        [view0(doc).steps[1]!.step.id, { score: -1, events: null }],
      ]),
    });
    const [header, first, second] = journeyRows(view);
    expect(header!.slice(5, 8)).toEqual(['Gemeten score', 'Afhakers (%)', 'Wachttijd p90 (min)']);
    expect(first!.slice(5, 8)).toEqual(['0.46', '12.3', '83.3']);
    expect(second!.slice(5, 8)).toEqual(['-1', '', '']);
    const map = (await readXlsx(await journeyXlsx(view))).worksheets[0]!;
    expect([5, 6, 7].map((c) => map.getRow(2).getCell(c + 1).value)).toEqual([0.46, 12.3, 83.3]);
    expect(journeyRows(journeyView(buildTemplate('ikea-visit', 'en')))[0]!.slice(5, 8)).toEqual(['Measured score', 'Drop-off (%)', 'P90 wait (min)']);
  });

  it('gives every template an XLSX with the same rows, numbers as numbers, a frozen bold header, actions and findings', async () => {
    for (const doc of [...samples.map((s) => s.doc), enriched()]) {
      const view = journeyView(doc);
      const workbook = await readXlsx(await journeyXlsx(view));
      const names = doc.journey.locale === 'nl' ? ['Kaart', 'Acties', 'Bevindingen'] : ['Map', 'Actions', 'Findings'];
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
      const map = workbook.worksheets[0]!;
      expect(map.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(map.getRow(1).getCell(1).font?.bold).toBe(true);
      const expected = journeyRows(view);
      expect(map.rowCount).toBe(expected.length);
      expected.forEach((row, r) =>
        row.forEach((text, c) => {
          const value = map.getRow(r + 1).getCell(c + 1).value;
          if (r > 0 && NUMERIC_COLUMNS.has(c) && text !== '') expect(value).toBe(Number(text));
          else expect(value ?? '').toBe(text.replace(/\r\n?/g, '\n'));
        }),
      );
      const actions = workbook.worksheets[1]!;
      expect(actions.rowCount).toBe(doc.actions.length + 1);
      const findings = workbook.worksheets[2]!;
      expect(findings.rowCount).toBe(view.evaluation.findings.length + 1);
      view.evaluation.findings.forEach((finding, i) => {
        // The rule by its name in the journey's language, as the editor's finding list names it, never its id.
        expect(findings.getRow(i + 2).getCell(2).value).toBe(RULE_NAMES[doc.journey.locale][finding.rule]);
        expect(findings.getRow(i + 2).getCell(3).value).toBe(finding.message);
      });
    }
  });

  it('names each finding\'s rule in the journey\'s language, not by its internal id', async () => {
    const doc = enriched();
    doc.steps[0]!.score = -1; // a failing must-be element ("Gratis parkeren") on a negative step
    const dutch = await readXlsx(await journeyXlsx(journeyView(doc)));
    const rules = (workbook: ExcelJS.Workbook) => workbook.worksheets[2]!.getColumn(2).values.slice(2).map(String);
    expect(dutch.worksheets[2]!.getRow(1).getCell(2).value).toBe('Regel');
    expect(rules(dutch)).toContain('Basisbehoefte faalt');
    doc.journey.locale = 'en';
    const english = await readXlsx(await journeyXlsx(journeyView(doc)));
    expect(rules(english)).toContain('Must-be failing');
    for (const name of [...rules(dutch), ...rules(english)]) expect(name).not.toMatch(/^[a-z-]+\.[a-z-]+$/);
  });

  it('lists the actions in their order with status, owner, due date and step titles', async () => {
    const view = journeyView(enriched());
    const workbook = await readXlsx(await journeyXlsx(view));
    const actions = workbook.getWorksheet('Acties')!;
    expect(actions.getRow(2).getCell(1).value).toBe('@Parkeren regelen');
    const row = actions.getRow(3);
    expect(row.getCell(2).value).toBe('Gepland');
    expect(row.getCell(3).value).toBe('Ans');
    expect((row.getCell(4).value as Date).toISOString().slice(0, 10)).toBe('2025-03-01');
    expect(row.getCell(5).value).toBe(`${view.steps[0]!.title}; ${view.steps[1]!.title}`);
  });
});
