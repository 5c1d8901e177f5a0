import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why the PDF checks cannot run here, or null when poppler's tools are installed (CI installs them). */
export function popplerUnavailable(): string | null {
  const found = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (found.error) {
    if (process.env.CI === 'true') throw new Error('pdftotext (poppler-utils) is missing; .ci/run installs it');
    return 'pdftotext is not installed (apt-get install poppler-utils)';
  }
  return null;
}

function writeTemp(pdf: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'klantreis-pdf-')), 'file.pdf');
  writeFileSync(path, pdf);
  return path;
}

export interface PdfInfo {
  pages: number;
  /** Page size in points of the first page. */
  width: number;
  height: number;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  const out = execFileSync('pdfinfo', [writeTemp(pdf)], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', [writeTemp(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box, as pdftotext -bbox reports it. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', writeTemp(pdf), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const match of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[1] !== undefined) {
      page++;
      pageWidth = Number(match[1]);
      pageHeight = Number(match[2]);
    } else {
      words.push({ page, text: match[7]!, xMin: Number(match[3]), yMin: Number(match[4]), xMax: Number(match[5]), yMax: Number(match[6]), pageWidth, pageHeight });
    }
  }
  return words;
}

/** Text compared without any whitespace and without the hyphens a long word was broken with. */
export function squeeze(text: string): string {
  return text.replace(/-\s*\n\s*/g, '').replace(/\s+/g, '').replace(/&amp;/g, '&');
}
