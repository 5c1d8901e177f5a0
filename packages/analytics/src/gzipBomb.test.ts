// Issue 9.7: a 1 MB gzip file that unpacks to 1 GiB cost 12–28 s of CPU before it was refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEventLog } from './logLoader.ts';
import { readXesEvents } from './xesEventReader.ts';
import type { EventSink } from './eventLogTypes.ts';

describe('a gzip file that unpacks to far more than its size', () => {
  const folder = mkdtempSync(join(tmpdir(), 'klantreis-bomb-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is refused while it streams, naming the file, long before 1 GiB is unpacked', async () => {
    // 16 gzip members of 64 MiB of spaces each: 1 GiB from about 1 MB.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 });
    const file = join(folder, 'bom.xes.gz');
    writeFileSync(file, Buffer.concat([gzipSync('<?xml version="1.0"?><log xes.version="1.0">'), ...Array.from({ length: 16 }, () => member)]));
    const sink: EventSink = { done: false, accept: () => {}, reject: () => {}, checkpoint: async () => {} };
    // CPU time, not wall time: on a shared machine other jobs stretch the wall time (9–17 s at load
    // 8–12 for what takes 3 s alone), while unpacking all of 1 GiB costs 12–28 s of CPU.
    const started = process.cpuUsage();
    const error = await readXesEvents(file, {}, sink).then(() => null, (e: unknown) => e as Error);
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    expect(error?.message).toMatch(/bom\.xes\.gz: it unpacks to more than 200 times its size \(\d+ MB from 1 MB so far\): refused as damaged or a zip bomb/);
    expect(seconds, `${seconds.toFixed(1)} s of CPU`).toBeLessThan(8);
  });

  it('is refused as a gzip CSV too, before DuckDB reads any of it', async () => {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 });
    const file = join(folder, 'bom.csv.gz');
    writeFileSync(file, Buffer.concat([gzipSync('case,activity,timestamp\n'), ...Array.from({ length: 16 }, () => member)]));
    const error = await loadEventLog(file).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/bom\.csv\.gz: it unpacks to more than 200 times its size .*refused as damaged or a zip bomb/);
  });
});
