import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_IDS } from '@klantreis/templates';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBlankJourney, validateJourneyDocument } from '@klantreis/schema';
import { buildTemplate } from '@klantreis/templates';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const run = promisify(execFile);

describe('the klantreis CLI', () => {
  let dataDir: string;
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' } });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-cli-'));
  });

  it('lists the templates in both languages', async () => {
    const nl = JSON.parse((await klantreis('templates', '--json', '--locale', 'nl')).stdout) as { id: string; title: string }[];
    const en = JSON.parse((await klantreis('templates', '--json', '--locale', 'en')).stdout) as { id: string; title: string }[];
    expect(nl.map((t) => t.id)).toContain('ikea-visit');
    expect(nl).toHaveLength(TEMPLATE_IDS.length);
    expect(en.find((t) => t.id === 'ikea-visit')!.title).toBe('IKEA store visit');
    expect((await klantreis('templates')).stdout).toMatch(/ikea-visit\s+\d+ steps/);
  });

  it('imports a file, lists it and exports the same journey', async () => {
    const file = join(dataDir, 'in.json');
    const journey = createBlankJourney('Via de CLI', 'nl');
    writeFileSync(file, JSON.stringify(journey));
    const id = (await klantreis('import', file)).stdout.trim();
    expect(id).toMatch(/^[0-9a-z]{16}$/);
    const listed = JSON.parse((await klantreis('list', '--json')).stdout) as { id: string; title: string }[];
    expect(listed).toEqual([expect.objectContaining({ id, title: 'Via de CLI', steps: 0 })]);
    const exported = JSON.parse((await klantreis('export', id)).stdout);
    expect(exported).toEqual(journey);
    expect(validateJourneyDocument(exported).ok).toBe(true);
    const out = join(dataDir, 'out.json');
    await klantreis('export', id, '-o', out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(journey);
  });

  it('exports the map as a PDF poster, SVG and the other formats, and names a bad option', async () => {
    const file = join(dataDir, 'ikea.json');
    writeFileSync(file, JSON.stringify(buildTemplate('ikea-visit', 'en')));
    const id = (await klantreis('import', file)).stdout.trim();
    const pdf = join(dataDir, 'poster.pdf');
    await klantreis('export', id, '--format', 'pdf', '--paper', 'A1', '--fit', 'tile', '-o', pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const svg = (await klantreis('export', id, '--format', 'svg')).stdout;
    expect(svg).toContain('>IKEA store visit</tspan>');
    const bad = await klantreis('export', id, '--format', 'pdf', '--paper', 'B5').then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/--paper: .*A0/);
    const unknown = await klantreis('export', id, '--format', 'docx').then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(unknown?.stderr).toMatch(/--format/);
  });

  it('refuses a PNG too large to draw by naming the scale that fits, in the journey\'s language', async () => {
    // 320 steps: about 62,000 × 1,200 px, past the billion pixels at 4×.
    const doc = buildTemplate('ikea-visit', 'nl');
    for (let i = doc.steps.length; i < 320; i++) doc.steps.push({ ...doc.steps[0]!, id: `step:wide${i}` as (typeof doc.steps)[0]['id'], index: `z${String(i).padStart(4, '0')}` });
    const file = join(dataDir, 'wide.json');
    writeFileSync(file, JSON.stringify(doc));
    const id = (await klantreis('import', file)).stdout.trim();
    const refused = await klantreis('export', id, '--format', 'png', '--scale', '4').then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/--scale: bij 4× is deze kaart [\d.]+ × [\d.]+ px; .* Kies 2×, of de SVG of PDF/);
  });

  it('turns a Mermaid journey into a new map, and names the line of each problem in a broken one', async () => {
    const file = join(dataDir, 'werkdag.mmd');
    writeFileSync(file, ['journey', '  title Mijn werkdag', '  section Naar het werk', '    Koffie zetten: 5: Ik', '    Trein nemen: 2: Ik', '  section Thuis', '    Koken: 4: Ik'].join('\n'));
    const id = (await klantreis('import', file)).stdout.trim();
    const journey = JSON.parse((await klantreis('export', id)).stdout) as { journey: { title: string }; phases: { name: string }[]; steps: { title: string; score: number }[] };
    expect(journey.journey.title).toBe('Mijn werkdag');
    expect(journey.phases.map((p) => p.name)).toEqual(['Naar het werk', 'Thuis']);
    expect(journey.steps.map((s) => [s.title, s.score])).toEqual([['Koffie zetten', 2], ['Trein nemen', -1], ['Koken', 1]]);
    const mermaid = (await klantreis('export', id, '--format', 'mermaid')).stdout;
    expect(mermaid).toContain('Trein nemen: 2');

    const broken = join(dataDir, 'kapot.mmd');
    writeFileSync(broken, ['journey', '  section Een', '    Zonder score', '    Te hoog: 9: Ik'].join('\n'));
    const refused = await klantreis('import', broken).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(refused?.stderr).toContain('kapot.mmd: not imported, 2 problem(s)');
    expect(refused?.stderr).toContain('Regel 3: de taak "Zonder score" heeft geen score');
    expect(refused?.stderr).toContain('Regel 4: de score "9" van de taak "Te hoog" moet een heel getal van 1 tot en met 5 zijn');
    expect((JSON.parse((await klantreis('list', '--json')).stdout) as unknown[]).length).toBe(1);
  });

  it('refuses an invalid file naming the file, path and reason, and imports nothing', async () => {
    const file = join(dataDir, 'bad.json');
    const journey = createBlankJourney('Kapot') as unknown as { lanes: { kind: string }[] };
    journey.lanes[1]!.kind = 'onzin';
    writeFileSync(file, JSON.stringify(journey));
    const failure = await klantreis('import', file).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(`${file}: not imported`);
    expect((failure as { stderr: string }).stderr).toContain('lanes[1].kind');
    expect(JSON.parse((await klantreis('list', '--json')).stdout)).toEqual([]);
  });

  it('reports a JSON syntax error with its position', async () => {
    const file = join(dataDir, 'broken.json');
    writeFileSync(file, '{\n  "schemaVersion": 3,\n  "journey": \n}');
    const failure = (await klantreis('import', file).catch((error: { stderr: string }) => error)) as { stderr: string };
    expect(failure.stderr).toMatch(/not valid JSON: .*line 4/);
  });

  it('says which id is unknown', async () => {
    const failure = (await klantreis('export', 'nope').catch((error: { stderr: string }) => error)) as { stderr: string };
    expect(failure.stderr).toContain('no journey with id nope');
  });
});
