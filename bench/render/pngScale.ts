// The PNG of the 200-step × 12-lane map at one scale, alone (issue 11): wall time, CPU time of
// the process (zlib deflates on the thread pool) and peak RSS, to show that memory stays
// bounded by the band however large the picture.
//   node bench/render/pngScale.ts [scale: 1|2|4] [out.png]
import { writeFileSync } from 'node:fs';
import { fontMeasure, journeyView, layoutMap, type PngScale } from '@klantreis/render';
import { layoutPng } from '../../packages/render/src/png.ts';
import { bigJourney } from '../editor/bigJourney.ts';

const scale = Number(process.argv[2] ?? 2) as PngScale;
const layout = layoutMap(journeyView(bigJourney(200, 3)), fontMeasure());
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(`map ${layout.width} × ${layout.height} px at ${scale}×; RSS before drawing ${mib(process.memoryUsage.rss())}`);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
const start = performance.now();
const cpu = process.cpuUsage();
const png = await layoutPng(layout, scale);
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
clearInterval(sampler);
console.log(`${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${(png.length / 1024).toFixed(0)} KiB, peak RSS ${mib(Math.max(peak, process.memoryUsage.rss()))}`);
if (process.argv[3]) writeFileSync(process.argv[3], png);
