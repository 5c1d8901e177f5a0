// The built web app as the server sends it: hashed files from memory, cached for good and
// answered with 304 when the browser has them; any app address gets index.html.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestServer, type TestServer } from '../testServer.ts';

describe('the web app', () => {
  let server: TestServer;
  let webDist: string;
  const script = 'export const editor = "ready";\n'.repeat(1000);

  beforeAll(async () => {
    webDist = await mkdtemp(join(tmpdir(), 'klantreis-web-'));
    await mkdir(join(webDist, 'assets'));
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Klantreis</title>');
    await writeFile(join(webDist, 'early.js'), '// early');
    await writeFile(join(webDist, 'assets', 'EditorScene-Ab12Cd34.js'), script);
    await writeFile(join(webDist, 'assets', 'EditorScene-Ef56Gh78.css'), '.map { display: grid }');
    await writeFile(join(webDist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await buildTestServer({ kind: 'sqlite' }, { webDist });
  });
  afterAll(async () => {
    await server?.close();
    await rm(webDist, { recursive: true, force: true });
  });

  it('sends a hashed file with its type, cached for a year as immutable, and 304 to a browser that has it', async () => {
    const response = await fetch(`${server.url}/assets/EditorScene-Ab12Cd34.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(script);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await fetch(`${server.url}/assets/EditorScene-Ab12Cd34.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // As RFC 9110 compares: a list, a weak tag (a compressing proxy makes one), or any.
    for (const ifNoneMatch of [`"other", ${etag}`, `W/${etag}`, '*']) {
      expect((await fetch(`${server.url}/assets/EditorScene-Ab12Cd34.js`, { headers: { 'if-none-match': ifNoneMatch } })).status, ifNoneMatch).toBe(304);
    }
    expect((await fetch(`${server.url}/assets/EditorScene-Ab12Cd34.js`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const css = await fetch(`${server.url}/assets/EditorScene-Ef56Gh78.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('etag')).not.toBe(etag);
  });

  it("keeps the server's hardening on the files it sends from memory: its policy headers, and no answer to a foreign host", async () => {
    const response = await fetch(`${server.url}/assets/EditorScene-Ab12Cd34.js`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const status = await new Promise<number>((resolve, reject) => {
      // fetch does not let a page set Host; a raw request does, as a rebinding DNS name would.
      const asked = request(`${server.url}/assets/EditorScene-Ab12Cd34.js`, { headers: { host: 'evil.example' } }, (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      });
      asked.on('error', reject);
      asked.end();
    });
    expect(status).toBe(421);
  });

  it('caches a file without a hash in its name only with a check each time', async () => {
    const response = await fetch(`${server.url}/assets/logo.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404, not the page, for a built file it does not have (an old tab after an upgrade)', async () => {
    // Names are looked up, never joined to a path: an encoded ../ reaches no file outside assets/.
    for (const path of ['/assets/EditorScene-0ld0ld00.js', '/assets/deeper/EditorScene-Ab12Cd34.js', '/assets/..%2Findex.html', '/assets/..%2F..%2Fpackage.json', '/assets/__proto__']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
      expect(response.headers.get('cache-control'), path).toBeNull();
    }
  });

  it('sends index.html for an app address, and the page and early.js, which name the built files, checked each time', async () => {
    const page = await fetch(`${server.url}/journeys/some-journey`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Klantreis</title>');
    for (const path of ['/', '/index.html', '/early.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });
});
