import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateJourney } from '@klantreis/evaluation';
import { buildTemplate } from '@klantreis/templates';
import { buildTestServer } from '../../server/src/testServer.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const run = promisify(execFile);

describe('klantreis evaluate', () => {
  let dataDir: string;
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' } });
  const failure = (...args: string[]) => klantreis(...args).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-cli-evaluate-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function exportedJourney() {
    const journey = buildTemplate('ikea-visit', 'nl');
    journey.steps.at(-1)!.score = -2;
    journey.steps.at(-1)!.targetScore = 2;
    const file = join(dataDir, 'ikea.klantreis.json');
    writeFileSync(file, JSON.stringify(journey));
    return { file, journey };
  }
  const exportedFile = () => exportedJourney().file;

  it('prints with --json what evaluateJourney gives for an exported file, in the chosen language and model', async () => {
    const { file, journey } = exportedJourney();
    const printed = JSON.parse((await klantreis('evaluate', file, '--json')).stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(evaluateJourney(journey))));
    const weakEnd = printed.findings.find((f: { rule: string }) => f.rule === 'peak-end.weak-end');
    expect(weakEnd).toMatchObject({ severity: 'critical', stepIds: [journey.steps.at(-1)!.id] });
    expect(weakEnd.message).toMatch(/^De reis eindigt op −2/);
    expect(printed.toBe.end).toBe(2);

    const english = JSON.parse((await klantreis('evaluate', file, '--json', '--locale', 'en', '--model', 'weighted', '--start', '1', '--peak', '0', '--end', '3')).stdout);
    expect(english.model).toMatchObject({ kind: 'weighted', start: 1, peak: 0, end: 3 });
    expect(english.findings.find((f: { rule: string }) => f.rule === 'peak-end.weak-end').message).toMatch(/^The journey ends at −2/);
    expect(english.peakEnd.remembered).toBeCloseTo((1 * english.peakEnd.start + 3 * -2) / 4, 10);
  });

  it('answers the same as GET /api/journeys/:id/evaluation for a journey in the store', async () => {
    const server = await buildTestServer({ kind: 'sqlite', dir: dataDir });
    try {
      const created = await authorizedFetch(`${server.url}/api/journeys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ templateId: 'end-user-incident', locale: 'en' }),
      });
      const { id } = (await created.json()) as { id: string };
      for (const query of [['', []], ['?locale=nl&model=mean', ['--locale', 'nl', '--model', 'mean']]] as const) {
        const fromApi = await (await authorizedFetch(`${server.url}/api/journeys/${id}/evaluation${query[0]}`)).json();
        const fromCli = JSON.parse((await klantreis('evaluate', id, '--json', ...query[1])).stdout);
        expect(fromCli).toEqual(fromApi);
      }
    } finally {
      await server.close({ keepData: true });
    }
  });

  it('prints a readable report with the figures and every finding with its steps', async () => {
    const file = exportedFile();
    const report = (await klantreis('evaluate', file)).stdout;
    const evaluation = evaluateJourney(buildTemplate('ikea-visit', 'nl'));
    expect(report).toMatch(/^Beoordeling van “IKEA-winkelbezoek”/);
    expect(report).toMatch(/Herinnerde score: [−+]?\d/);
    expect(report).toContain('Herinnerde score van de gewenste reis: +2 (1 stap met een doel)');
    expect(report).toMatch(/ERNSTIG\s+Zwak einde \(peak-end\.weak-end\)\n\s+De reis eindigt op −2[^\n]+\n\s+stap: 10\. /);
    expect(report.match(/^ {2}(ERNSTIG|WAARSCHUWING|INFO|POSITIEF)/gm)!.length).toBeGreaterThanOrEqual(evaluation.findings.length - 1);
    expect((await klantreis('evaluate', file, '--locale', 'en')).stdout).toMatch(/^Evaluation of “IKEA-winkelbezoek”[\s\S]*CRITICAL\s+Weak end \(peak-end\.weak-end\)/);
  });

  it('refuses a bad model, locale, journey id or file with a message and exit code 1', async () => {
    const file = exportedFile();
    expect(await failure('evaluate', file, '--model', 'median')).toMatchObject({ code: 1, stderr: expect.stringContaining('--model: must be peak-end, mean or weighted') });
    expect(await failure('evaluate', file, '--model', 'weighted', '--end', 'veel')).toMatchObject({ code: 1, stderr: expect.stringContaining('--end: a weight must be') });
    expect(await failure('evaluate', file, '--locale', 'de')).toMatchObject({ code: 1, stderr: expect.stringContaining('--locale must be nl or en') });
    expect(await failure('evaluate', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('no journey with id nope') });
    const broken = join(dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ schemaVersion: 5, journey: {} }));
    expect(await failure('evaluate', broken)).toMatchObject({ code: 1, stderr: expect.stringContaining(`${broken}: not a valid journey`) });
  });
});
