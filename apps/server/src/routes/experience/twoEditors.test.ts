// Editors on one experience map, as real Hocuspocus clients on a real server: two link
// journeys to stages in the same instant (neither has the other's update yet), both the same
// journey to the same stage, and a third links from an offline copy and then connects. Every
// link survives, the same-stage-same-journey pair is one record, and the replicas and the
// server agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import type { JourneyDocument, PhaseId } from '@klantreis/schema';
import { collabUrl, journeyFromDoc, linkJourney, linksOf } from '@klantreis/sync';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../../testServer.ts';

describe('two editors on an experience map', () => {
  let server: TestServer;
  const journeys: string[] = [];
  let mapId: string;
  let stages: PhaseId[];

  const post = async (path: string, body: unknown) => (await (await server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };

  beforeAll(async () => {
    server = await buildTestServer();
    for (const title of ['Lid worden', 'Verlengen', 'Opzeggen']) journeys.push((await post('/api/journeys', { title, locale: 'nl' })).id);
    mapId = (await post('/api/journeys', { title: 'Lidmaatschap', locale: 'nl' })).id;
    await server.fetch(`/api/journeys/${mapId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'experience' }) });
    await post(`/api/journeys/${mapId}/phases`, { name: 'Verlengen' });
    await post(`/api/journeys/${mapId}/phases`, { name: 'Opzeggen' });
    stages = ((await (await server.fetch(`/api/journeys/${mapId}`)).json()) as JourneyDocument).phases.map((phase) => phase.id as PhaseId);
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps every link made at once, and both replicas and the server agree', async () => {
    const ann = await buildEditorClient(server.url, mapId);
    const bob = await buildEditorClient(server.url, mapId);
    // Cleo has the map as it was (her offline copy) and links while away.
    const cleoOffline = new Y.Doc();
    Y.applyUpdate(cleoOffline, Y.encodeStateAsUpdate(ann.doc));
    linkJourney(cleoOffline, { phaseId: stages[0]!, journeyId: journeys[2]!, targetPhaseId: null });
    // Ann and Bob link in the same instant: neither has the other's update yet. Both link
    // Verlengen to its stage, each also a journey of their own.
    linkJourney(ann.doc, { phaseId: stages[0]!, journeyId: journeys[0]!, targetPhaseId: null });
    linkJourney(ann.doc, { phaseId: stages[1]!, journeyId: journeys[1]!, targetPhaseId: null });
    linkJourney(bob.doc, { phaseId: stages[1]!, journeyId: journeys[1]!, targetPhaseId: null });
    linkJourney(bob.doc, { phaseId: stages[2]!, journeyId: journeys[2]!, targetPhaseId: null });
    // Cleo comes back online with her copy.
    const cleo = new HocuspocusProvider({ url: collabUrl(server.url), name: mapId, document: cleoOffline, token: server.token });

    const pairs = (doc: typeof ann.doc) => linksOf(doc).map((link) => `${link.phaseId}>${link.journeyId}`).sort();
    const expected = [
      `${stages[0]}>${journeys[0]}`,
      `${stages[0]}>${journeys[2]}`,
      `${stages[1]}>${journeys[1]}`,
      `${stages[2]}>${journeys[2]}`,
    ].sort();
    await eventually(() => {
      for (const doc of [ann.doc, bob.doc, cleoOffline]) expect(pairs(doc)).toEqual(expected);
    });
    // The same links in the same order everywhere (equal indices are ordered by id).
    expect(journeyFromDoc(ann.doc).links).toEqual(journeyFromDoc(bob.doc).links);
    expect(journeyFromDoc(cleoOffline).links).toEqual(journeyFromDoc(bob.doc).links);
    expect(((await (await server.fetch(`/api/journeys/${mapId}`)).json()) as JourneyDocument).links).toEqual(journeyFromDoc(ann.doc).links);

    const rollup = (await (await server.fetch(`/api/journeys/${mapId}/experience`)).json()) as ExperienceRollup;
    expect(rollup.stages.map((stage) => stage.links.map((link) => link.title).sort())).toEqual([['Lid worden', 'Opzeggen'], ['Verlengen'], ['Opzeggen']]);
    for (const provider of [ann.provider, bob.provider, cleo]) provider.destroy();
  });
});
