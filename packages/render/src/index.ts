// Everything an export needs. The writers of PNG, PDF, PPTX and XLSX are loaded by
// exportJourney when first used; import them from their own files to use them directly.
export * from './labels.ts';
export * from './journeyView.ts';
export * from './measuredFigures.ts';
export * from './layout/shapes.ts';
export * from './layout/textWrap.ts';
export * from './layout/mapLayout.ts';
export { FONT_FAMILY, FONT_FILES, fontMeasure } from './fonts.ts';
export { layoutSvg, escapeXml } from './svg.ts';
export type { PngScale } from './png.ts';
export type { PdfOptions } from './pdf.ts';
export { PAPER_SIZES, PAPER_NAMES, type PaperSize } from './paperSizes.ts';
export * from './exportFormats.ts';
export * from './exportLimits.ts';
export { journeyMermaid, parseMermaidJourney, type MermaidParseResult, type MermaidParseError } from './mermaid.ts';
export type { PptxOptions } from './pptx.ts';
