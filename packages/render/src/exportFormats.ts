import type { JourneyDocument } from '@klantreis/schema';
import { z } from 'zod';
import { fontMeasure } from './fonts.ts';
import { journeyView } from './journeyView.ts';
import type { MeasuredStep } from './measuredFigures.ts';
import { layoutMap } from './layout/mapLayout.ts';
import { EXPORT_FORMATS, type ExportFormat } from './names.ts';
import { PAPER_NAMES, type PaperSize } from './paperSizes.ts';
import type { PngScale } from './png.ts';
import { layoutSvg } from './svg.ts';

export { EXPORT_FORMATS, type ExportFormat };

/** The options of every format in one shape, as the export route, the CLI and the web menu send them. */
export const exportOptionsSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** PNG: 1×, 2× or 4×. */
  scale: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(4)])).default(2),
  /** PDF paper, orientation, fit on one page or tile at full size, findings page. */
  paper: z.enum(PAPER_NAMES as [PaperSize, ...PaperSize[]]).default('A3'),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
  fit: z.enum(['page', 'tile']).default('page'),
  findings: z.enum(['true', 'false']).default('true'),
  /** Show the lanes the editor hides too. */
  hiddenLanes: z.enum(['true', 'false']).default('false'),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  svg: { contentType: 'image/svg+xml; charset=utf-8', extension: 'svg' },
  png: { contentType: 'image/png', extension: 'png' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  mermaid: { contentType: 'text/plain; charset=utf-8', extension: 'mmd' },
};

export interface ExportContext {
  measured?: ReadonlyMap<string, MeasuredStep>;
  /** A version name for the title block. */
  version?: string;
  date?: Date;
  /** Show the evaluation; off for a share link that does not show it. */
  findings?: boolean;
}

/** One journey in one format: the single entry point of the route, the CLI and the tests. */
export async function exportJourney(doc: JourneyDocument, options: ExportOptions, context: ExportContext = {}): Promise<ExportFile> {
  const view = journeyView(doc, { hiddenLanes: options.hiddenLanes === 'true', measured: context.measured, evaluation: context.findings });
  const layout = () => layoutMap(view, fontMeasure(), { version: context.version, date: context.date });
  // Each writer is loaded when first asked for: PDFKit, pptxgenjs and ExcelJS take a
  // while to load, and most processes (the CLI's other commands) never need them.
  let body: Buffer;
  switch (options.format) {
    case 'svg':
      body = Buffer.from(layoutSvg(layout()), 'utf8');
      break;
    case 'png':
      body = await (await import('./png.ts')).layoutPng(layout(), options.scale as PngScale, view.locale);
      break;
    case 'pdf':
      body = await (await import('./pdf.ts')).layoutPdf(layout(), view, { paper: options.paper, orientation: options.orientation, mode: options.fit === 'page' ? 'fit' : 'tile', findings: options.findings === 'true', date: context.date });
      break;
    case 'pptx':
      body = await (await import('./pptx.ts')).journeyPptx(view);
      break;
    case 'csv':
      body = Buffer.from((await import('./table.ts')).journeyCsv(view), 'utf8');
      break;
    case 'xlsx':
      body = await (await import('./table.ts')).journeyXlsx(view);
      break;
    case 'mermaid':
      body = Buffer.from((await import('./mermaid.ts')).journeyMermaid(view), 'utf8');
      break;
  }
  return { body, ...CONTENT_TYPES[options.format] };
}

/** "IKEA-winkelbezoek.pdf": the title as a file name any system accepts. */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKC')
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'journey'}.${extension}`;
}
