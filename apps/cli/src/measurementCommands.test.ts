import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { toAxis } from '@klantreis/evaluation';
import { createBlankJourney, createStepRecord } from '@klantreis/schema';
import { SHARED_EVENT_LOGS } from '../../../testing/sharedData.ts';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const RUNNING_EXAMPLE = `${SHARED_EVENT_LOGS}running-example.csv`;
const run = promisify(execFile);

describe('klantreis import-log, import-survey and metrics', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-cli-measure-'));
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' } });
  const failing = async (...args: string[]) => {
    try {
      await klantreis(...args);
    } catch (error) {
      return error as { code: number; stderr: string };
    }
    throw new Error(`klantreis ${args.join(' ')} succeeded`);
  };
  let journeyId: string;

  beforeAll(async () => {
    const journey = createBlankJourney('Compensatie', 'nl');
    const phaseId = journey.phases[0]!.id;
    journey.steps.push(
      createStepRecord({ phaseId, index: 'a0', title: 'Aanvraag', activityPatterns: ['register request'] }),
      createStepRecord({ phaseId, index: 'a1', title: 'Onderzoek', activityPatterns: ['examine*', 'check ticket'] }),
      createStepRecord({ phaseId, index: 'a2', title: 'Uitbetaling', activityPatterns: ['pay compensation'], journeyEnd: true }),
    );
    const file = join(dataDir, 'journey.json');
    writeFileSync(file, JSON.stringify(journey));
    journeyId = (await klantreis('import', file)).stdout.trim();
  });

  it('imports an event log with progress on standard error, and refuses the same file again', async () => {
    const { stdout, stderr } = await klantreis('import-log', journeyId, RUNNING_EXAMPLE, '--progress');
    expect(stdout).toMatch(/^imported 42 events of 6 cases from running-example\.csv into journey \w+ as imp_\w+\n$/);
    expect(stderr).toContain('reading running-example.csv: 100%');
    const again = await failing('import-log', journeyId, RUNNING_EXAMPLE);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/this file was imported before.*nothing was imported/);
  });

  it('refuses survey answers with a bad row, naming file, line and field, and imports the good rows when asked', async () => {
    const file = join(dataDir, 'enquete.csv');
    writeFileSync(file, 'case,step,score\n1,Aanvraag,4\n2,Nergens,5\n3,Onderzoek,2\n');
    const refused = await failing('import-survey', journeyId, file, '--scale', 'csat');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file}:3: field "step": no step or touchpoint is called "Nergens"`);
    const imported = JSON.parse((await klantreis('import-survey', journeyId, file, '--scale', 'csat', '--skip-rejected', '--json')).stdout) as { rows: number; rejected: number };
    expect(imported).toMatchObject({ rows: 2, rejected: 1 });
  });

  it('prints the metrics as the API gives them', async () => {
    const { metrics } = JSON.parse((await klantreis('metrics', journeyId, '--json')).stdout) as {
      metrics: { cases: number; completed: number; coverage: { events: number; mappedEvents: number }; steps: { survey: { axisMean: number | null } }[] };
    };
    // decide, reinitiate request and reject request are not mapped: 9 + 3 + 3 of 42 events.
    expect(metrics.coverage).toMatchObject({ events: 42, mappedEvents: 42 - 15 });
    expect(metrics).toMatchObject({ cases: 6, completed: 3 });
    expect(metrics.steps.map((s) => s.survey.axisMean)).toEqual([toAxis(4, 'csat'), toAxis(2, 'csat'), null]);
    expect((await klantreis('metrics', journeyId)).stdout).toMatch(/^Cases 6 of 6 · events mapped 64\.3% · completed 50\.0%/);
  });
});
