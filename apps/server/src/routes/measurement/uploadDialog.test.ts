// Issue 9.4: an XES file through the upload dialog answered 500 (the one-call /imports worked):
// the check passed mapping keys that were undefined, which replaced the XES defaults. Every
// format goes through upload → check → preview → commit here exactly as ImportDialog.tsx calls
// it (a check with no options first), and the counts are the published ones.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAnalyticsDatabase } from '@klantreis/analytics';
import { SHARED_EVENT_LOGS } from '../../../../../testing/sharedData.ts';
import { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import { buildTestServer, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';

interface Upload {
  id: string;
  state: string;
  problem?: unknown;
  staged?: { events: number; cases: number; rejectedCount: number };
  bytes: number;
  progress: { bytesRead: number; totalBytes: number; eventsRead?: number; stage?: string; elapsedMs: number } | null;
}

/** Writes the rows of a DuckDB query to a Parquet file, as a tool of the user's would. */
async function writeParquet(query: string, file: string): Promise<void> {
  const duckdb = await openAnalyticsDatabase();
  try {
    await duckdb.connection.run(`COPY (${query}) TO '${file}' (FORMAT parquet)`);
  } finally {
    duckdb.close();
  }
}

describe('an event log through the upload dialog', () => {
  let server: TestServer;
  let files: string;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    files = mkdtempSync(join(tmpdir(), 'klantreis-dialog-'));
    writeFileSync(join(files, 'bpic2012.xes'), gunzipSync(readFileSync(join(SHARED_EVENT_LOGS, 'bpic2012.xes.gz'))));
    await writeParquet(`SELECT * FROM read_csv('${join(SHARED_EVENT_LOGS, 'running-example.csv')}')`, join(files, 'running-example.parquet'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(files, { recursive: true, force: true });
  });

  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);

  it.each([
    ['running-example.csv', join('shared', 'running-example.csv'), 42, 6],
    ['running-example.parquet', join('made', 'running-example.parquet'), 42, 6],
    ['bpic2012.xes.gz', join('shared', 'bpic2012.xes.gz'), 262_200, 13_087],
    ['bpic2012.xes', join('made', 'bpic2012.xes'), 262_200, 13_087],
  ])('%s: upload, check with no options, preview and commit', { timeout: 60_000 }, async (fileName, where, events, cases) => {
    const path = where.startsWith('shared') ? join(SHARED_EVENT_LOGS, fileName) : join(files, fileName);
    const created = await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: fileName }) });
    const { id } = (await created.json()) as { id: string };
    const sent = await api(`/api/journeys/${id}/uploads?kind=events&fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: readFileSync(path),
    });
    expect(sent.status).toBe(201);
    const upload = (await sent.json()) as Upload;

    const check = await api(`/api/journeys/${id}/uploads/${upload.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(check.status, await check.clone().text()).toBe(202);
    let preview: Upload;
    for (;;) {
      const polled = await api(`/api/journeys/${id}/uploads/${upload.id}`);
      expect(polled.status, await polled.clone().text()).toBe(200);
      preview = (await polled.json()) as Upload;
      if (preview.state !== 'checking') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(preview.state, JSON.stringify(preview.problem)).toBe('checked');
    expect(preview.staged).toMatchObject({ events, cases, rejectedCount: 0 });
    // The figures the dialog shows the pace by: all read, and how long the check took.
    expect(preview.progress).toMatchObject({ bytesRead: preview.bytes, totalBytes: preview.bytes });
    expect(preview.progress!.elapsedMs).toBeGreaterThanOrEqual(0);

    const committed = await api(`/api/journeys/${id}/uploads/${upload.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(committed.status, await committed.clone().text()).toBe(201);
    expect(await committed.json()).toMatchObject({ rows: events, cases });
    const metrics = await api(`/api/journeys/${id}/metrics`);
    expect(metrics.status).toBe(200);
    expect(((await metrics.json()) as { metrics: { coverage: { events: number } } }).metrics.coverage.events).toBe(events);
  });
});

describe('an XES file whose chosen case id attribute no trace has', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the preview with the rejected traces, never a 500', { timeout: 60_000 }, async () => {
    const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
    const { id } = (await (await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' })).json()) as { id: string };
    const xes = '<?xml version="1.0"?><log xes.version="1.0"><trace><string key="concept:name" value="c1"/><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event></trace></log>';
    const upload = (await (await api(`/api/journeys/${id}/uploads?kind=events&fileName=klein.xes`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: xes })).json()) as Upload;
    const check = await api(`/api/journeys/${id}/uploads/${upload.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mapping: { caseId: 'case:nergens' } }) });
    expect(check.status, await check.clone().text()).toBeLessThan(500);
    for (;;) {
      const polled = await api(`/api/journeys/${id}/uploads/${upload.id}`);
      expect(polled.status, await polled.clone().text()).toBe(200);
      const preview = (await polled.json()) as Upload;
      if (preview.state === 'checking') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      expect(['checked', 'failed']).toContain(preview.state);
      break;
    }
    expect((await api(`/api/journeys/${id}/uploads/${upload.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBeLessThan(500);
  });
});

describe('files with nothing sound to import (issue 9.7)', () => {
  let server: TestServer;
  let files: string;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    files = mkdtempSync(join(tmpdir(), 'klantreis-unsound-'));
    await writeParquet(
      `SELECT 'c' || i AS "case:concept:name", 'stap' AS "concept:name", CASE WHEN i = 3 THEN TIMESTAMP '0001-01-01 00:00:00' ELSE TIMESTAMP '2024-01-01 10:00:00' + INTERVAL (i) MINUTE END AS "time:timestamp" FROM range(5) t(i)`,
      join(files, 'kapot.parquet'),
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(files, { recursive: true, force: true });
  });

  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
  async function uploadAndCheck(fileName: string, body: BodyInit): Promise<{ id: string; upload: Upload & { problem: { message: string } | null } }> {
    const { id } = (await (await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' })).json()) as { id: string };
    const sent = (await (await api(`/api/journeys/${id}/uploads?kind=events&fileName=${fileName}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body })).json()) as Upload;
    expect((await api(`/api/journeys/${id}/uploads/${sent.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    for (;;) {
      const upload = (await (await api(`/api/journeys/${id}/uploads/${sent.id}`)).json()) as Upload & { problem: { message: string } | null };
      if (upload.state !== 'checking') return { id, upload };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('refuses Parquet with an impossible time, naming the file, the field and the row', async () => {
    const { upload } = await uploadAndCheck('kapot.parquet', readFileSync(join(files, 'kapot.parquet')));
    expect(upload.state).toBe('failed');
    expect(upload.problem!.message).toBe('kapot.parquet: field "timestamp": row 4 happened at 0001-01-01 00:00:00, outside 1900–2200: the timestamps are damaged or in another unit');
    expect(upload.problem!.message).not.toContain(tmpdir());
  });

  it('refuses to commit a file of which no row was accepted', async () => {
    const { id, upload } = await uploadAndCheck('leeg.csv', 'case:concept:name,concept:name,time:timestamp\nc1,stap,geen datum\n');
    const committed = await api(`/api/journeys/${id}/uploads/${upload.id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(committed.status).toBe(400);
    expect(((await committed.json()) as { error: string }).error).toBe('leeg.csv: nothing to import: no row was accepted (1 rejected)');
    expect(((await (await api(`/api/journeys/${id}/imports`)).json()) as unknown[]).length).toBe(0);
  });
});

// Issue 13: once the file is read, putting each case's events in order takes about as long again;
// the dialog showed "checking 100 %" meanwhile. The stage is held here until the poll has seen it.
describe('the check of an event log once the file is read', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it('answers the indexing stage while the events are put in order, and leaves it out once checked', { timeout: 60_000 }, async () => {
    const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
    const stageEventLog = JourneyAnalytics.prototype.stageEventLog;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(JourneyAnalytics.prototype, 'stageEventLog').mockImplementation(async function (this: JourneyAnalytics, journeyId, file, options, onProgress) {
      onProgress?.({ bytesRead: 3799, totalBytes: 3799, eventsRead: 42, stage: 'indexing' });
      await released;
      return stageEventLog.call(this, journeyId, file, options, onProgress);
    });
    const { id } = (await (await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' })).json()) as { id: string };
    const body = readFileSync(join(SHARED_EVENT_LOGS, 'running-example.csv'));
    const sent = (await (await api(`/api/journeys/${id}/uploads?kind=events&fileName=running-example.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body })).json()) as Upload;
    expect((await api(`/api/journeys/${id}/uploads/${sent.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(202);
    const poll = async () => (await (await api(`/api/journeys/${id}/uploads/${sent.id}`)).json()) as Upload;
    let indexing = await poll();
    try {
      for (let tries = 0; indexing.progress?.stage !== 'indexing' && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        indexing = await poll();
      }
      expect(indexing.state).toBe('checking');
      expect(indexing.progress).toMatchObject({ bytesRead: 3799, totalBytes: 3799, eventsRead: 42, stage: 'indexing' });
    } finally {
      // A failed expectation above must not leave the check (and the server's close) waiting.
      release();
    }
    let checked = indexing;
    while (checked.state === 'checking') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      checked = await poll();
    }
    expect(checked.state).toBe('checked');
    expect(checked.progress).not.toHaveProperty('stage');
  });
});
