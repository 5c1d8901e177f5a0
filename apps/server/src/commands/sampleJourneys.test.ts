// The sample journeys of the first start: the experience maps' stages link to the sample
// journeys that detail them, and the owner sees those links (the samples have no workspace of
// their own and count as the first workspace's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import type { JourneyDocument } from '@klantreis/schema';
import { TEMPLATE_IDS } from '@klantreis/templates';
import { buildTestServer, type TestServer } from '../testServer.ts';
import { seedSampleJourneys } from './sampleJourneys.ts';

describe('the sample journeys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('are seeded once, each experience map after the journeys its stages link to, and the owner sees the links', async () => {
    expect(await seedSampleJourneys(server.store, server.server.creator, 'en')).toBe(TEMPLATE_IDS.length);
    expect(await seedSampleJourneys(server.store, server.server.creator, 'en')).toBe(0);
    const journeys = await server.store.listJourneys();
    const idOf = (templateId: string) => journeys.find((j) => j.templateId === templateId)!.id;

    const membership = (await (await server.fetch(`/api/journeys/${idOf('membership-lifecycle')}`)).json()) as JourneyDocument;
    expect(membership.journey.kind).toBe('experience');
    expect(membership.links.map((link) => link.journeyId)).toEqual([idOf('membership-joining'), idOf('membership-joining')]);
    expect(membership.steps.find((step) => step.title === 'Joining')!.subJourneyId).toBe(idOf('membership-joining'));

    const rollup = (await (await server.fetch(`/api/journeys/${idOf('membership-lifecycle')}/experience`)).json()) as ExperienceRollup;
    const [discovering, welcome] = rollup.stages;
    expect(discovering!.links).toMatchObject([{ availability: 'available', title: 'Joining a nature charity', targetPhaseName: null }]);
    expect(welcome!.links).toMatchObject([{ availability: 'available', title: 'Joining a nature charity', targetPhaseName: 'Welcome' }]);

    const bank = (await (await server.fetch(`/api/journeys/${idOf('banking-relationship')}/experience`)).json()) as ExperienceRollup;
    expect(bank.stages.map((stage) => stage.links.map((link) => link.title))).toEqual([[], [], ['Applying for a complex financial product'], []]);
  });
});
