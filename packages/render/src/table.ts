import ExcelJS from 'exceljs';
import { sortByIndex, type ActionRecord } from '@klantreis/schema';
import { RULE_NAMES, formatWaitMinutes } from '@klantreis/evaluation';
import type { JourneyView, ViewStep } from './journeyView.ts';

// The map as a table: one row per step, one column per field and per visible lane. CSV for
// any tool, XLSX for Excel with numbers as numbers and three sheets.

/** Columns of journeyRows that hold numbers (step number, score, target, measured score, drop-off, p90 wait, wait in minutes). */
export const NUMERIC_COLUMNS = new Set([1, 3, 4, 5, 6, 7, 8]);

const SHEET_NAMES = {
  nl: { map: 'Kaart', actions: 'Acties', findings: 'Bevindingen' },
  en: { map: 'Map', actions: 'Actions', findings: 'Findings' },
} as const;

/** A header row, then one row per step in display order; every cell a string ('' when empty). */
export function journeyRows(view: JourneyView): string[][] {
  const { labels } = view;
  const [yes, no] = view.locale === 'nl' ? ['ja', 'nee'] : ['yes', 'no'];
  const actions = sortByIndex(view.doc.actions);
  const header = [
    labels.phase,
    '#',
    labels.step,
    labels.score,
    labels.targetScore,
    labels.measuredScore,
    `${capitalized(labels.dropOff)} (%)`,
    `${capitalized(labels.p90Wait)} (min)`,
    `${labels.wait} (min)`,
    labels.wait,
    labels.momentOfTruth,
    labels.touchpoints,
    'Kano',
    labels.actions,
    ...view.lanes.map((lane) => lane.name),
  ];
  const rows = view.steps.map(({ step, phase, number, title }) => {
    const measured = view.measured.get(step.id)?.score;
    const events = view.measured.get(step.id)?.events ?? null;
    return [
      view.phases.find((p) => p.phase.id === phase.id)?.name ?? phase.name,
      String(number),
      title,
      numberText(step.score),
      numberText(step.targetScore),
      numberText(measured === undefined || measured === null ? null : Math.round(measured * 100) / 100),
      numberText(events?.dropOffShare == null ? null : Math.round(events.dropOffShare * 1000) / 10),
      numberText(events?.waitP90Seconds == null ? null : Math.round(events.waitP90Seconds / 6) / 10),
      numberText(step.wait?.minutes ?? null),
      step.wait ? formatWaitMinutes(step.wait.minutes, view.locale) : '',
      step.momentOfTruth ? yes : no,
      step.touchpoints.map((tp) => view.touchpointText(tp)).join('; '),
      step.kano.map((element) => (element.category ? `${element.text} (${labels.kano[element.category]})` : element.text)).join('; '),
      actions
        .filter((action) => action.stepIds.includes(step.id))
        .map((action) => action.title)
        .join('; '),
      ...view.lanes.map((lane) => view.cellText(lane.lane.id, step.id)),
    ];
  });
  return [header, ...rows];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** RFC 4180 with CRLF line ends and a BOM, so Excel reads the UTF-8 right. */
export function journeyCsv(view: JourneyView): string {
  return '\uFEFF' + journeyRows(view).map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula:
 * such text gets a leading apostrophe. A plain number such as -1 is left alone.
 */
export function neutralizeFormula(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Sheet 1 the map (journeyRows), sheet 2 the actions, sheet 3 the findings. */
export async function journeyXlsx(view: JourneyView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Klantreis';
  workbook.title = view.doc.journey.title;
  const names = SHEET_NAMES[view.locale];
  const { labels } = view;

  const [header = [], ...rows] = journeyRows(view);
  addSheet(
    workbook,
    names.map,
    header,
    // A cell's line break is LF in Excel; XML would turn a CR into LF anyway.
    rows.map((row) => row.map((cell, i) => (NUMERIC_COLUMNS.has(i) && cell !== '' ? Number(cell) : cell.replace(/\r\n?/g, '\n')))),
    header.map((_, i) => (NUMERIC_COLUMNS.has(i) ? 10 : i === 2 ? 32 : 28)),
  );

  addSheet(
    workbook,
    names.actions,
    [labels.action, labels.status, labels.owner, labels.dueDate, labels.steps],
    sortByIndex(view.doc.actions).map((action) => [
      action.title,
      labels.actionStatuses[action.status],
      action.owner,
      action.dueDate ? new Date(`${action.dueDate}T00:00:00Z`) : '',
      actionStepTitles(view, action).join('; '),
    ]),
    [40, 12, 20, 12, 50],
  ).getColumn(4).numFmt = 'yyyy-mm-dd';

  addSheet(
    workbook,
    names.findings,
    [labels.severity, labels.rule, labels.message],
    // The rule by the name the editor's finding list gives it; its id means nothing to a reader.
    view.evaluation.findings.map((finding) => [labels.severities[finding.severity], RULE_NAMES[view.locale][finding.rule], finding.message]),
    [14, 36, 100],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type CellValue = string | number | Date;

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: CellValue[][], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  widths.forEach((width, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = width;
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  return sheet;
}

/** The titles of the steps an action improves, in the order of the map. */
export function actionStepTitles(view: JourneyView, action: ActionRecord): string[] {
  const ids = new Set<string>(action.stepIds);
  return view.steps.filter((s: ViewStep) => ids.has(s.step.id)).map((s) => s.title);
}
