// The export formats and paper sizes by name, without loading a writer or zod: the command line
// offers them as choices at start-up.
export { PAPER_NAMES, PAPER_SIZES, type PaperSize } from './paperSizes.ts';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'pptx', 'csv', 'xlsx', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
