// Issue 9.3: any client could publish an awareness state (a name that is an object, no name,
// 9 MB) that Hocuspocus relayed to every open editor of the journey, whose map then went
// blank. The server drops what is not an editor's state; the other editors never see it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { connectEditor, type EditorConnection } from './reliability/editorConnection.ts';
import { participantKeyOf } from '@klantreis/schema';
import { authorizedFetch, TEST_OWNER } from '../testCredentials.ts';

const person = { key: 'a1b2c3d4', name: 'Anna', color: '#1a5fb4', initials: 'AN' };

const HOSTILE: [string, Record<string, unknown>][] = [
  ['a name that is an object', { user: { ...person, name: {} } }],
  ['a user without a name', { user: { key: person.key, color: person.color, initials: 'AN' } }],
  ['a colour that is CSS of its own', { user: { ...person, color: 'red;background:url(//x)' } }],
  ['a pointer that is not a number', { user: person, cursor: { x: 'left', y: 3 } }],
  ['a timer of strings', { user: person, timer: { durationMs: '5', remainingMs: 1, startedAt: null, updatedAt: 1 } }],
  ['a state of 9 MB', { user: person, padding: 'x'.repeat(9_000_000) }],
];

describe('awareness states from a client that is not our editor', () => {
  let server: TestServer;
  let journeyId: string;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    const created = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Presence' }),
    });
    journeyId = ((await created.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  async function pair(): Promise<{ observer: EditorConnection; sender: EditorConnection; close: () => void }> {
    const observer = connectEditor(server.url, journeyId);
    const sender = connectEditor(server.url, journeyId);
    await Promise.all([observer.synced(), sender.synced()]);
    return { observer, sender, close: () => [observer, sender].forEach((editor) => editor.close()) };
  }

  it('relays an editor’s state with the name, initials and key of the account that sent it', async () => {
    const { observer, sender, close } = await pair();
    try {
      const owner = await server.server.access.findUserByEmail(TEST_OWNER.email);
      // The sender claims to be Anna; the connection is the test owner's.
      sender.provider.awareness!.setLocalState({ user: person, selection: 'step:abc', cursor: { x: 1, y: 2 } });
      const asAccount = { ...person, name: TEST_OWNER.name, initials: 'OO', key: participantKeyOf(owner!.id) };
      await eventually(() => expect(observer.provider.awareness!.getStates().get(sender.doc.clientID)).toEqual({ user: asAccount, selection: 'step:abc', cursor: { x: 1, y: 2 } }));
      // A state sent for another client id is the sender's too, not the other person's.
      sender.provider.awareness!.setLocalStateField('user', { ...person, name: 'Bram', key: 'bram0000' });
      await sleep(300);
      expect(observer.provider.awareness!.getStates().get(sender.doc.clientID)).toMatchObject({ user: { name: TEST_OWNER.name, key: participantKeyOf(owner!.id) } });
    } finally {
      close();
    }
  });

  it.each(HOSTILE)('drops %s: the other editors never receive it', async (_name, state) => {
    const { observer, sender, close } = await pair();
    try {
      sender.provider.awareness!.setLocalState(state);
      // A good state after the bad one arrives: the bad one had its chance to arrive first.
      await sleep(300);
      const marker = connectEditor(server.url, journeyId);
      marker.provider.awareness!.setLocalState({ user: person, selection: 'step:marker' });
      await eventually(() => expect([...observer.provider.awareness!.getStates().values()].some((s) => (s as { selection?: unknown }).selection === 'step:marker')).toBe(true));
      marker.close();
      expect(observer.provider.awareness!.getStates().get(sender.doc.clientID) ?? null).toBeNull();
      expect(server.server.collaboration.hocuspocus.documents.get(journeyId)!.awareness.getStates().get(sender.doc.clientID) ?? null).toBeNull();
    } finally {
      close();
    }
  });
});

// Hocuspocus 4.7 checks each awareness message (a pointer moved, a selection) on a scratch Y.Doc
// of its own, whose random guid cost 31 of crypto.getRandomValues's calls: 157-175 µs a message
// here against 15-21 µs with a fixed guid (bench/collab/awarenessScratch.ts) (patches/@hocuspocus+server+4.7.0.patch, applied by
// `npm ci`). In a workshop of twenty moving pointers that was a tenth of the server's core.
describe('the Hocuspocus that is installed', () => {
  it('checks awareness messages on a scratch document without a random guid, in its ESM and CommonJS builds', () => {
    const esm = readFileSync(fileURLToPath(import.meta.resolve('@hocuspocus/server')), 'utf8');
    const cjs = readFileSync(createRequire(import.meta.url).resolve('@hocuspocus/server'), 'utf8');
    expect(esm).not.toBe(cjs);
    for (const build of [esm, cjs]) expect(build).toMatch(/const scratchDoc = new \w+\.Doc\(\{ guid: "awareness-scratch" \}\);/);
  });
});
