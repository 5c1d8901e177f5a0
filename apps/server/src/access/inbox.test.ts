// @mentions and approval requests land in the inbox of the account they name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepId } from '@klantreis/schema';
import { addComment } from '@klantreis/sync';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { asPerson, invitePerson, type Person } from './accessTestSupport.ts';

type InboxAnswer = { unread: number; items: { id: string; kind: string; actorName: string; excerpt: string; journeyId: string; read: boolean }[] };

describe('the inbox', () => {
  let server: TestServer;
  let journeyId: string;
  let stepId: StepId;
  let bram: Person;
  let carla: Person;
  const inbox = async (person: Person) => (await (await asPerson(server, person, '/api/me/notifications')).json()) as InboxAnswer;

  beforeAll(async () => {
    server = await buildTestServer();
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'nl' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    stepId = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: StepId }[] }).steps[0]!.id;
    bram = await invitePerson(server, 'commenter', { name: 'Bram de Vries' });
    carla = await invitePerson(server, 'editor', { name: 'Carla' });
  }, 30_000);
  afterAll(async () => server?.close());

  it('puts a mention of a person with access in their inbox, by name or e-mail, and nobody else’s', async () => {
    // Carla writes, signed in as herself: the server keeps a comment under its writer's name.
    const carlaClient = await buildEditorClient(server.url, journeyId, (await server.server.access.createToken(carla.userId, 'tests', 'editor')).token);
    addComment(carlaClient.doc, { targetId: stepId, author: 'Carla', authorId: carla.userId, text: '@Bram de Vries klopt de wachttijd? @Nobody', mentions: ['Bram de Vries', 'Nobody', 'Carla'] });
    await eventually(async () => expect((await inbox(bram)).unread).toBe(1));
    const entry = (await inbox(bram)).items[0]!;
    expect(entry).toMatchObject({ kind: 'mention', actorName: 'Carla', journeyId, read: false });
    expect(entry.excerpt).toContain('klopt de wachttijd');
    // The author is not told about her own comment.
    expect((await inbox(carla)).unread).toBe(0);
    const owner = await buildEditorClient(server.url, journeyId);
    const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;
    addComment(owner.doc, { targetId: stepId, author: 'Olga Owner', authorId: ownerId, text: 'Zie hierboven', mentions: [carla.email] });
    await eventually(async () => expect((await inbox(carla)).unread).toBe(1));
    carlaClient.provider.destroy();
    owner.provider.destroy();
  });

  it('marks entries read, only one’s own', async () => {
    const entry = (await inbox(bram)).items[0]!;
    expect((await asPerson(server, carla, '/api/me/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [entry.id] }) })).status).toBe(204);
    expect((await inbox(bram)).unread).toBe(1);
    expect((await asPerson(server, bram, '/api/me/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [entry.id] }) })).status).toBe(204);
    expect(await inbox(bram)).toMatchObject({ unread: 0, items: [{ id: entry.id, read: true }] });
  });

  it('tells the people asked to approve a version', async () => {
    const version = (await (await server.fetch(`/api/journeys/${journeyId}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'to-be' }) })).json()) as { id: string };
    const round = await server.fetch(`/api/journeys/${journeyId}/approvals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ versionId: version.id, approvers: [bram.email], message: 'Graag voor vrijdag' }) });
    expect(round.status).toBe(201);
    const items = (await inbox(bram)).items;
    expect(items[0]).toMatchObject({ kind: 'approval-request', actorName: 'Olga Owner', excerpt: 'Graag voor vrijdag', read: false });
  });

  it('tells only the one picked of two people with the same name (by account or e-mail), never either by the name alone', async () => {
    // A second Bram de Vries: from now on the name alone is ambiguous.
    const otherBram = await invitePerson(server, 'commenter', { name: 'Bram de Vries', email: 'bram.tweede@klantreis.test' });
    const mentionsOf = async (person: Person, words: string) => (await inbox(person)).items.filter((item) => item.kind === 'mention' && item.excerpt.includes(words));
    const owner = await buildEditorClient(server.url, journeyId);
    const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;
    // As the comment box writes it: the name as in the text, and the account picked for it.
    addComment(owner.doc, { targetId: stepId, author: 'Olga Owner', authorId: ownerId, text: '@Bram de Vries, de tweede', mentions: ['Bram de Vries', otherBram.userId] });
    addComment(owner.doc, { targetId: stepId, author: 'Olga Owner', authorId: ownerId, text: '@Bram de Vries, per e-mail', mentions: ['Bram de Vries', bram.email] });
    addComment(owner.doc, { targetId: stepId, author: 'Olga Owner', authorId: ownerId, text: '@Bram de Vries, maar welke?', mentions: ['Bram de Vries'] });
    await eventually(async () => expect(await mentionsOf(otherBram, 'de tweede')).toHaveLength(1));
    await eventually(async () => expect(await mentionsOf(bram, 'per e-mail')).toHaveLength(1));
    // A Bram writing to his namesake is still told about it: the author is left out by account, not by name.
    const bramClient = await buildEditorClient(server.url, journeyId, (await server.server.access.createToken(bram.userId, 'tests', 'commenter')).token);
    addComment(bramClient.doc, { targetId: stepId, author: 'Bram de Vries', authorId: bram.userId, text: '@Bram de Vries, van naamgenoot', mentions: ['Bram de Vries', otherBram.userId] });
    await eventually(async () => expect(await mentionsOf(otherBram, 'van naamgenoot')).toHaveLength(1));
    // Nobody got what was meant for the other, nor the comment that named neither.
    expect(await mentionsOf(bram, 'de tweede')).toEqual([]);
    expect(await mentionsOf(otherBram, 'per e-mail')).toEqual([]);
    expect([...(await mentionsOf(bram, 'maar welke')), ...(await mentionsOf(otherBram, 'maar welke'))]).toEqual([]);
    expect(await mentionsOf(bram, 'van naamgenoot')).toEqual([]);
    owner.provider.destroy();
    bramClient.provider.destroy();
  });
});
