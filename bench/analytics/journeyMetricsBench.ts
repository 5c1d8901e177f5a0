/**
 * All step and journey metrics (and an XLA of two indicators) on the generated 10M-event log,
 * beside the same metrics written by hand as one DuckDB script (metricsBaseline.sql), in one run:
 *   node bench/analytics/generateLog.ts /tmp/klantreis-10m-events.csv
 *   node bench/analytics/journeyMetricsBench.ts /tmp/klantreis-10m-events.csv [--store DIR] [--runs 3]
 * With --store an earlier import in DIR is reused. Goal: metrics ≤ 3 s, and within 1.5× of the baseline.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildJourneyIndex,
  evaluateXla,
  eventPartsRelation,
  importLog,
  JourneyAnalysis,
  journeyMetrics,
  openAnalyticsDatabase,
  type ImportedLog,
} from '@klantreis/analytics';
import { createIndicatorRecord, createStepRecord } from '@klantreis/schema';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { store: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const file = positionals[0] ?? '/tmp/klantreis-10m-events.csv';
const runs = Number(values.runs);
const database = { memoryLimit: '1GB', tempDirectory: join(tmpdir(), 'klantreis-bench-spill') };
const seconds = (from: number): number => (performance.now() - from) / 1000;

// The generator's 20 activities onto 8 steps, two or three each, the last step ending the journey.
const ACTIVITIES = [
  'Klant bezoekt website', 'Klant zoekt in FAQ', 'Chat gestart', 'Chat beëindigd', 'Klant belt contactcentrum',
  'Wachtrij', 'Gesprek met agent', 'Doorverbonden tweede lijn', 'Ticket aangemaakt', 'Ticket toegewezen',
  'Monteur ingepland', 'Monteur ter plaatse', 'Storing opgelost', 'E-mail verstuurd', 'Klant reageert op e-mail',
  'Factuur verstuurd', 'Betaling ontvangen', 'Enquête verstuurd', 'Enquête ingevuld', 'Ticket gesloten',
];
const stepOf = (activity: number) => Math.floor(activity / 2.5);
const steps = Array.from({ length: 8 }, (_, i) =>
  createStepRecord({ phaseId: 'phase:bench', index: `a${i}`, title: `Stap ${i + 1}`, activityPatterns: ACTIVITIES.filter((_, a) => stepOf(a) === i), journeyEnd: i === 7, wait: { moment: 'before', minutes: 60 } }),
);
const indicators = [
  createIndicatorRecord({ index: 'a0', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: 80, margin: 5, period: 'quarter' }),
  createIndicatorRecord({ index: 'a1', kind: 'O', metric: 'wait-p90', stepId: steps[1]!.id, direction: 'at-most', target: 60, margin: 10, period: 'quarter' }),
];

async function importedLog(): Promise<{ imported: ImportedLog; storeDir: string; owned: boolean }> {
  if (values.store) {
    const manifest = (await readdir(values.store)).find((name) => name.endsWith('.json'));
    if (!manifest) throw new Error(`no import in ${values.store}`);
    return { imported: JSON.parse(await readFile(join(values.store, manifest), 'utf8')) as ImportedLog, storeDir: values.store, owned: false };
  }
  const storeDir = await mkdtemp(join(tmpdir(), 'klantreis-bench-store-'));
  const started = performance.now();
  const imported = await importLog(file, { storeDir, database });
  console.log(`import: ${imported.events} events in ${seconds(started).toFixed(1)} s`);
  return { imported, storeDir, owned: true };
}

const { imported, storeDir, owned } = await importedLog();
const indexDir = await mkdtemp(join(tmpdir(), 'klantreis-bench-index-'));
const baselineSql = (await readFile(new URL('./metricsBaseline.sql', import.meta.url), 'utf8'))
  .replaceAll('{{EVENTS}}', eventPartsRelation(imported.parquetDirectory))
  .replaceAll('{{MAPPING}}', ACTIVITIES.map((a, i) => `('${a.replaceAll("'", "''")}', ${stepOf(i)})`).join(', '))
  .replaceAll('{{ENDS}}', '[7]');
const statements = baselineSql
  .split(/;\s*\n/)
  .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
  .filter((statement) => statement.length > 0);

try {
  let started = performance.now();
  const index = await buildJourneyIndex([imported.parquetDirectory], join(indexDir, 'index'), database);
  const indexSeconds = seconds(started);
  console.log(`journey index (once per set of imports): ${indexSeconds.toFixed(2)} s, ${index.cases} cases`);

  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 1; run <= runs; run++) {
    started = performance.now();
    const analysis = await JourneyAnalysis.open(index, [], steps, database);
    let summary: string;
    try {
      const metrics = await journeyMetrics(analysis, { period: 'month' });
      const xla = await evaluateXla(analysis, indicators);
      summary = `${metrics.cases} cases, ${(100 * (metrics.completionRate ?? 0)).toFixed(1)}% completed, ${metrics.variantCount} paths, ${metrics.dfg.edges.length} edges, XLA ${xla.indicators.map((i) => i.status).join('/')}`;
    } finally {
      analysis.close();
    }
    ours.push(seconds(started));

    started = performance.now();
    const db = await openAnalyticsDatabase(database);
    try {
      for (const statement of statements) await db.connection.runAndReadAll(statement);
    } finally {
      db.close();
    }
    baseline.push(seconds(started));
    console.log(`run ${run}: ours ${ours.at(-1)!.toFixed(2)} s (${summary}) · hand-written SQL ${baseline.at(-1)!.toFixed(2)} s`);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  console.log(
    `median: ours ${median(ours).toFixed(2)} s (goal ≤ 3 s), baseline ${median(baseline).toFixed(2)} s, ratio ${(median(ours) / median(baseline)).toFixed(2)} (goal ≤ 1.5); ` +
      `ours with the index built first ${(median(ours) + indexSeconds).toFixed(2)} s; peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
} finally {
  await rm(indexDir, { recursive: true, force: true });
  if (owned) await rm(storeDir, { recursive: true, force: true });
}
