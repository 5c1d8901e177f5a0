import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildTemplate } from '@klantreis/templates';
import { seedSampleJourneys } from '../../commands/sampleJourneys.ts';
import { buildTestServer, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';
import { asPerson, foreignPerson, invitePerson } from '../../access/accessTestSupport.ts';

// The export route end to end: every format of a sample journey through HTTP, with the file
// name, type and first bytes a downloading browser relies on; bad options; who may export.

describe('GET /api/journeys/:id/export', () => {
  let server: TestServer;
  let journeyId: string;
  const api = (path: string) => authorizedFetch(`${server.url}${path}`);
  const ikea = buildTemplate('ikea-visit', 'nl');

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    await seedSampleJourneys(server.store, server.server.creator, 'nl');
    const list = (await (await api('/api/journeys?search=IKEA')).json()) as { id: string }[];
    journeyId = list[0]!.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['svg', 'image/svg+xml', 'IKEA-winkelbezoek.svg'],
    ['png', 'image/png', 'IKEA-winkelbezoek.png'],
    ['pdf', 'application/pdf', 'IKEA-winkelbezoek.pdf'],
    ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'IKEA-winkelbezoek.pptx'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'IKEA-winkelbezoek.xlsx'],
    ['csv', 'text/csv', 'IKEA-winkelbezoek.csv'],
    ['mermaid', 'text/plain', 'IKEA-winkelbezoek.mmd'],
    ['json', 'application/json', 'IKEA-winkelbezoek.klantreis.json'],
  ])('gives %s as a download named after the journey', async (format, type, fileName) => {
    const response = await api(`/api/journeys/${journeyId}/export?format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
    const body = Buffer.from(await response.arrayBuffer());
    const firstStep = ikea.steps[0]!.title;
    switch (format) {
      case 'png':
        expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
        break;
      case 'pdf':
        expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        break;
      case 'pptx':
      case 'xlsx': {
        const zip = await JSZip.loadAsync(body);
        const parts = Object.keys(zip.files).join(' ');
        expect(parts).toContain(format === 'pptx' ? 'ppt/slides/slide1.xml' : 'xl/worksheets/sheet1.xml');
        break;
      }
      case 'json':
        expect((JSON.parse(body.toString('utf8')) as { steps: { title: string }[] }).steps.map((s) => s.title)).toContain(firstStep);
        break;
      case 'svg':
        // Step titles wrap over several <tspan>s; the journey's title is one line.
        expect(body.toString('utf8')).toContain(`<tspan x="32" y="`);
        expect(body.toString('utf8')).toContain(`>${ikea.journey.title}</tspan>`);
        break;
      default:
        expect(body.toString('utf8')).toContain(firstStep);
    }
  });

  it('names a bad option and its allowed values, and exports nothing', async () => {
    const bad = await api(`/api/journeys/${journeyId}/export?format=docx`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/format/);
    const paper = await api(`/api/journeys/${journeyId}/export?format=pdf&paper=B5`);
    expect(paper.status).toBe(400);
    expect(await paper.text()).toMatch(/paper/);
    const scale = await api(`/api/journeys/${journeyId}/export?format=png&scale=3`);
    expect(scale.status).toBe(400);
    expect(await scale.text()).toMatch(/scale/);
  });

  it('lets a viewer export, and a person of another workspace not even learn the journey exists', async () => {
    const viewer = await invitePerson(server, 'viewer');
    const asViewer = await asPerson(server, viewer, `/api/journeys/${journeyId}/export?format=svg`);
    expect(asViewer.status).toBe(200);
    const stranger = await foreignPerson(server);
    const asStranger = await asPerson(server, stranger, `/api/journeys/${journeyId}/export?format=svg`);
    expect([403, 404]).toContain(asStranger.status);
    const anonymous = await fetch(`${server.url}/api/journeys/${journeyId}/export?format=pdf`);
    expect(anonymous.status).toBe(401);
  });

  it('puts a title with any characters in a file name every browser accepts', async () => {
    const patch = await authorizedFetch(`${server.url}/api/journeys/${journeyId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Reis "A/B" ü: klant\\proces?' }),
    });
    expect(patch.status).toBe(200);
    const response = await api(`/api/journeys/${journeyId}/export?format=svg`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/filename="[^"]*[/\\:?]/);
  });
});
