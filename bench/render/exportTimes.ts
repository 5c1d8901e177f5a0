// Export time and file size of each format for the 200-step × 12-lane map (issue 11), paired in
// the same run with what a user would otherwise do: print the map from headless Chromium
// (the same SVG, to PNG by a screenshot and to PDF by page.pdf).
// The goal names PNG 2× < 1 s; the PNG is measured at 1× and 2× (193 million pixels, drawn in
// bands), with the CPU time of the process and its peak resident memory, and paired with
// Chromium's screenshot at the same scale.
//   node bench/render/exportTimes.ts [runs]
import { chromium } from 'playwright-core';
import { exportJourney, fontMeasure, journeyView, layoutMap, layoutSvg, type ExportOptions } from '@klantreis/render';
import { bigJourney } from '../editor/bigJourney.ts';
import { CHROMIUM_PATH } from '../../e2e/fixtures/browser.ts';

const runs = Number(process.argv[2] ?? 5);
const doc = bigJourney(200, 3);
const base: ExportOptions = { format: 'svg', scale: 2, paper: 'A0', orientation: 'landscape', fit: 'page', findings: 'true', hiddenLanes: 'false' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time and CPU time (every thread of the process: zlib deflates the PNG's bands on the thread pool), and the peak RSS seen. */
async function time(work: () => Promise<number>): Promise<{ ms: number; cpuMs: number; bytes: number; peakRss: number }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let bytes = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      bytes = await work();
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  } finally {
    // A failed run (Chromium's 2× screenshot can time out) must not leave the timer keeping the process alive.
    clearInterval(sampler);
  }
  return { ms: median(times), cpuMs: median(cpuTimes), bytes, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
}

const layout = layoutMap(journeyView(doc), fontMeasure());
console.log(`200 steps × 12 lanes (2,400 filled cells): map ${layout.width} × ${layout.height} px, ${layout.shapes.length} shapes; median of ${runs} runs`);
const goals: Record<string, number> = { svg: 200, png: 1000, pdf: 2000, pptx: 1000 };
const labels: Record<string, string> = { png1: 'png 1×', png: 'png 2×', pdf: 'pdf A0 fit' };
const rows: string[][] = [];
const ours = new Map<string, number>();
for (const [label, options] of [
  ['svg', { format: 'svg' }],
  ['png1', { format: 'png', scale: 1 }],
  // 62,840 × 3,064 px: 193 million pixels, 578 MB as one RGB buffer; drawn in 8 MB bands.
  ['png', { format: 'png', scale: 2 }],
  ['pdf', { format: 'pdf', paper: 'A0' }],
  ['pptx', { format: 'pptx' }],
  ['xlsx', { format: 'xlsx' }],
  ['csv', { format: 'csv' }],
  ['mermaid', { format: 'mermaid' }],
] as const) {
  try {
    const result = await time(async () => (await exportJourney(doc, { ...base, ...options })).body.length);
    ours.set(label, result.ms);
    const goal = goals[label];
    const cpu = label.startsWith('png') ? `, CPU ${result.cpuMs.toFixed(0)} ms, peak RSS ${(result.peakRss / 2 ** 20).toFixed(0)} MiB` : '';
    rows.push([labels[label] ?? label, `${result.ms.toFixed(0)} ms${cpu}`, `${(result.bytes / 1024).toFixed(0)} KiB`, goal ? `< ${goal} ms ${result.ms < goal ? '✓' : '✗'}` : '']);
  } catch (error) {
    rows.push([label, `failed: ${(error as Error).message.slice(0, 80)}`, '', '']);
  }
}

// Before (issue 11's first PNG writer, up to 85e957e): the SVG with <text> to resvg whole, at
// 1× (2× was refused: one 816 MB buffer). Kept here so before and after are paired in one run.
{
  const { Resvg } = await import('@resvg/resvg-js');
  const { FONT_FAMILY, FONT_FILES } = await import('@klantreis/render');
  const before = await time(async () => {
    const resvg = new Resvg(layoutSvg(layout, { font: 'reference' }), {
      fitTo: { mode: 'zoom', value: 1 },
      font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      background: '#ffffff',
    });
    return resvg.render().asPng().length;
  });
  rows.push(['png 1× before (resvg given <text>, one buffer)', `${before.ms.toFixed(0)} ms, CPU ${before.cpuMs.toFixed(0)} ms, peak RSS ${(before.peakRss / 2 ** 20).toFixed(0)} MiB`, `${(before.bytes / 1024).toFixed(0)} KiB`, `after/before ${((ours.get('png1') ?? NaN) / before.ms).toFixed(2)}×`]);
}

// The alternative: the same SVG in Chromium, screenshot (1× and 2×) and print to PDF.
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const svg = layoutSvg(layout);
  for (const [scale, label] of [[1, 'png1'], [2, 'png']] as const) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: scale });
    try {
      const chromiumPng = await time(async () => {
        await page.setContent(`<body style="margin:0">${svg}</body>`);
        return (await page.screenshot({ fullPage: true })).length;
      });
      rows.push([`Chromium screenshot ${scale}× (same SVG)`, `${chromiumPng.ms.toFixed(0)} ms`, `${(chromiumPng.bytes / 1024).toFixed(0)} KiB`, `ours/Chromium ${((ours.get(label) ?? NaN) / chromiumPng.ms).toFixed(2)}×`]);
    } catch (error) {
      rows.push([`Chromium screenshot ${scale}× (same SVG)`, `failed: ${(error as Error).message.split('\n')[0]!.slice(0, 80)}`, '', '']);
    } finally {
      await page.close();
    }
  }
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const chromiumPdf = await time(async () => {
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    return (await page.pdf({ width: `${layout.width}px`, height: `${layout.height}px`, printBackground: true })).length;
  });
  rows.push(['Chromium page.pdf (same SVG)', `${chromiumPdf.ms.toFixed(0)} ms`, `${(chromiumPdf.bytes / 1024).toFixed(0)} KiB`, `ours/Chromium ${((ours.get('pdf') ?? NaN) / chromiumPdf.ms).toFixed(2)}×`]);
} finally {
  await browser.close();
}
console.log('| format | time | size | goal / ratio |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
