import PDFDocument from 'pdfkit';
import type { JourneyView } from './journeyView.ts';
import { formatScoreSign } from './journeyView.ts';
import { FONT_FILES } from './fonts.ts';
import type { MapLayout, Shape } from './layout/shapes.ts';
import { baseline } from './layout/shapes.ts';
import { PAPER_SIZES, type PaperSize } from './paperSizes.ts';

export { PAPER_SIZES, PAPER_NAMES, type PaperSize } from './paperSizes.ts';

export interface PdfOptions {
  paper: PaperSize;
  orientation: 'portrait' | 'landscape';
  /** 'fit': the whole map on one page; 'tile': at full size over as many pages as it needs, with crop marks. */
  mode: 'fit' | 'tile';
  /** A second part with the evaluation's findings. */
  findings: boolean;
  /** Fixes the document's creation date, for output that is the same twice. */
  date?: Date;
}

const MARGIN = 36;
const CROP_MARK = 18;

/**
 * The map as a poster PDF: vector shapes and real text in the shipped font (selectable,
 * searchable), on one page scaled to fit or tiled at full size with crop marks to cut and butt
 * together, then optionally the findings.
 */
export async function layoutPdf(layout: MapLayout, view: JourneyView, options: PdfOptions): Promise<Buffer> {
  const [short, long] = PAPER_SIZES[options.paper];
  const [pageWidth, pageHeight] = options.orientation === 'portrait' ? [short, long] : [long, short];
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: view.doc.journey.title, Creator: 'Klantreis', Producer: 'Klantreis', CreationDate: options.date ?? new Date() },
    lang: view.locale,
    displayTitle: true,
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const innerWidth = pageWidth - 2 * MARGIN;
  const innerHeight = pageHeight - 2 * MARGIN;
  if (options.mode === 'fit') {
    const scale = Math.min(innerWidth / layout.width, innerHeight / layout.height);
    doc.addPage({ size: [pageWidth, pageHeight], margin: 0 });
    doc.save();
    doc.translate(MARGIN + (innerWidth - layout.width * scale) / 2, MARGIN);
    doc.scale(scale);
    drawShapes(doc, layout.shapes);
    doc.restore();
  } else {
    const columns = Math.ceil(layout.width / innerWidth);
    const rows = Math.ceil(layout.height / innerHeight);
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        doc.addPage({ size: [pageWidth, pageHeight], margin: 0 });
        const left = column * innerWidth;
        const top = row * innerHeight;
        doc.save();
        doc.rect(MARGIN, MARGIN, innerWidth, innerHeight).clip();
        doc.translate(MARGIN - left, MARGIN - top);
        drawShapes(
          doc,
          layout.shapes.filter((shape) => overlaps(shape, left, top, innerWidth, innerHeight)),
        );
        doc.restore();
        cropMarks(doc, pageWidth, pageHeight);
        const page = row * columns + column + 1;
        doc
          .font('regular')
          .fontSize(8)
          .fillColor('#4f5d66')
          .text(`${view.doc.journey.title} · ${view.labels.page} ${page}/${rows * columns} (${row + 1}, ${column + 1})`, MARGIN, pageHeight - MARGIN + 12, { lineBreak: false });
      }
    }
  }
  if (options.findings) findingsPages(doc, view, pageWidth, pageHeight);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function drawShapes(doc: PDFKit.PDFDocument, shapes: readonly Shape[]): void {
  for (const shape of shapes) {
    if (shape.kind === 'text') {
      doc.font(shape.weight).fontSize(shape.size).fillColor(shape.color);
      shape.lines.forEach((line, i) => {
        const width = shape.anchor === 'start' ? 0 : doc.widthOfString(line);
        const x = shape.anchor === 'start' ? shape.x : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x - width;
        doc.text(line, x, baseline(shape, i), { baseline: 'alphabetic', lineBreak: false });
      });
      continue;
    }
    doc.save();
    if (shape.dash) doc.dash(shape.dash[0]!, { space: shape.dash[1] ?? shape.dash[0]! });
    if (shape.stroke) doc.lineWidth(shape.strokeWidth ?? 1);
    switch (shape.kind) {
      case 'rect':
        // Rounded as the SVG's rx: the curve's markers are pills, a wait's band has round corners.
        if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
        else doc.rect(shape.x, shape.y, shape.width, shape.height);
        break;
      case 'line':
        doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
        break;
      case 'path':
        doc.path(shape.d);
        break;
      case 'circle':
        doc.circle(shape.cx, shape.cy, shape.r);
        break;
    }
    const fill = shape.kind === 'line' ? undefined : shape.fill && shape.fill !== 'none' ? shape.fill : undefined;
    if (fill && shape.stroke) doc.fillAndStroke(fill, shape.stroke);
    else if (fill) doc.fill(fill);
    else if (shape.stroke) doc.stroke(shape.stroke);
    doc.restore();
  }
}

/** Whether a shape can show on the tile; text is judged by a generous estimate of its width. */
function overlaps(shape: Shape, left: number, top: number, width: number, height: number): boolean {
  let box: [number, number, number, number];
  switch (shape.kind) {
    case 'rect':
      box = [shape.x, shape.y, shape.x + shape.width, shape.y + shape.height];
      break;
    case 'line':
      box = [Math.min(shape.x1, shape.x2), Math.min(shape.y1, shape.y2), Math.max(shape.x1, shape.x2), Math.max(shape.y1, shape.y2)];
      break;
    case 'circle':
      box = [shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r];
      break;
    case 'path':
      return true;
    case 'text': {
      const longest = Math.max(0, ...shape.lines.map((l) => l.length)) * shape.size;
      box = [shape.x - longest, shape.y, shape.x + longest, shape.y + shape.lines.length * shape.lineHeight];
      break;
    }
  }
  return box[2] >= left && box[0] <= left + width && box[3] >= top && box[1] <= top + height;
}

/** Marks in the margin at the corners of the printed area: where to cut. */
function cropMarks(doc: PDFKit.PDFDocument, pageWidth: number, pageHeight: number): void {
  doc.save().lineWidth(0.5).strokeColor('#000000');
  for (const x of [MARGIN, pageWidth - MARGIN]) {
    for (const y of [MARGIN, pageHeight - MARGIN]) {
      const outX = x === MARGIN ? -1 : 1;
      const outY = y === MARGIN ? -1 : 1;
      doc.moveTo(x + outX * 4, y).lineTo(x + outX * (4 + CROP_MARK), y).stroke();
      doc.moveTo(x, y + outY * 4).lineTo(x, y + outY * (4 + CROP_MARK)).stroke();
    }
  }
  doc.restore();
}

function findingsPages(doc: PDFKit.PDFDocument, view: JourneyView, pageWidth: number, pageHeight: number): void {
  // Type that reads at arm's length on any paper: larger on larger pages.
  const size = Math.max(10, Math.round(pageWidth / 60));
  const width = pageWidth - 2 * MARGIN * 2;
  doc.addPage({ size: [pageWidth, pageHeight], margins: { top: MARGIN * 2, bottom: MARGIN * 2, left: MARGIN * 2, right: MARGIN * 2 } });
  const { labels, evaluation, locale } = view;
  doc.font('bold').fontSize(size * 1.8).fillColor('#1f2a30').text(`${labels.findings}: ${view.doc.journey.title}`, { width });
  doc.moveDown(0.5);
  const remembered = evaluation.peakEnd.remembered;
  const mean = evaluation.peakEnd.mean;
  doc
    .font('regular')
    .fontSize(size)
    .fillColor('#4f5d66')
    .text(
      `${labels.remembered}: ${remembered === null ? labels.notScored : formatScoreSign(Math.round(remembered * 100) / 100, locale)}   ·   ${labels.mean}: ${mean === null ? labels.notScored : formatScoreSign(Math.round(mean * 100) / 100, locale)}`,
      { width },
    );
  doc.moveDown(1);
  if (evaluation.findings.length === 0) doc.fillColor('#1f2a30').text(labels.noFindings, { width });
  for (const finding of evaluation.findings) {
    doc.font('bold').fontSize(size).fillColor(finding.severity === 'critical' ? '#b3261e' : finding.severity === 'warning' ? '#9a5b00' : '#1f2a30');
    doc.text(`${labels.severities[finding.severity]}  `, { continued: true, width });
    doc.font('regular').fillColor('#1f2a30').text(finding.message, { width });
    doc.moveDown(0.4);
  }
}
