// What the access checks cost (issue 10), measured on the real server in this process:
// 1. a REST write (PATCH a journey's title) as an API token and as a session cookie, end to
//    end, and the policy step alone (who is this, what role on this journey) timed on its own;
// 2. a collaboration update: the validator's check of real editor updates with the role's
//    record filter (a commenter's) against the same check without one (an editor's, whose
//    filter is null: the same code as before accounts).
// Run: node bench/access/policyCost.ts [writes=400] [updates=3000]
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { LaneId, StepId } from '@klantreis/schema';
import { journeyFromDoc, setCellText, writeJourneyToDoc } from '@klantreis/sync';
import { buildTemplate } from '@klantreis/templates';
import { ActorResolver, toHeaders } from '../../apps/server/src/access/actorResolver.ts';
import { touchPermission } from '../../apps/server/src/collaboration/accessExtension.ts';
import { IncomingUpdateValidator } from '../../apps/server/src/collaboration/incomingUpdateValidator.ts';
import { signIn } from '../../apps/server/src/testCredentials.ts';
import { buildTestServer } from '../../apps/server/src/testServer.ts';

const writes = Number(process.argv[2] ?? 400);
const updates = Number(process.argv[3] ?? 3000);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;

const server = await buildTestServer();
try {
  const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }) });
  const journeyId = ((await created.json()) as { id: string }).id;
  const cookie = await signIn(server.url);

  async function timeWrites(headers: Record<string, string>): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: `t${i}` }) });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}`);
      times.push(performance.now() - started);
    }
    return times;
  }
  await timeWrites({ authorization: `Bearer ${server.token}` }); // warm up
  const byToken = await timeWrites({ authorization: `Bearer ${server.token}` });
  const bySession = await timeWrites({ cookie, origin: server.url });

  // The policy step alone, as the onRequest hook runs it.
  const resolver = new ActorResolver(server.server.auth, server.server.access);
  async function timePolicy(headers: Record<string, string>): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      const actor = await resolver.resolve(toHeaders(headers));
      if (actor.kind !== 'user') throw new Error('not signed in');
      await server.server.access.roleOnJourney(actor.userId, journeyId);
      times.push(performance.now() - started);
    }
    return times;
  }
  const policyToken = await timePolicy({ authorization: `Bearer ${server.token}` });
  const policySession = await timePolicy({ cookie });

  console.log(`REST write (PATCH /api/journeys/:id), ${writes} each, SQLite:`);
  for (const [name, total, policy] of [['API token', byToken, policyToken], ['session cookie', bySession, policySession]] as const) {
    const share = (percentile(policy, 50) / percentile(total, 50)) * 100;
    console.log(`  ${name}: request p50 ${ms(percentile(total, 50))}, p95 ${ms(percentile(total, 95))}; policy step p50 ${ms(percentile(policy, 50))}, p95 ${ms(percentile(policy, 95))} = ${share.toFixed(1)}% of the request`);
  }

  // Collaboration updates: real edits of one editor, checked as the server checks them.
  const editor = new Y.Doc();
  writeJourneyToDoc(editor, buildTemplate('ikea-visit', 'en'));
  const journey = journeyFromDoc(editor);
  const stream: Uint8Array[] = [];
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(editor));
  editor.on('update', (update: Uint8Array) => stream.push(update));
  for (let i = 0; i < updates; i++) {
    const step = journey.steps[i % journey.steps.length]!;
    const lane = journey.lanes[i % journey.lanes.length]!;
    setCellText(editor, lane.id as LaneId, step.id as StepId, `edit ${i}`);
  }
  const owner = { kind: 'user', userId: 'u', name: 'u', email: 'u@x', cap: 'owner', via: 'session' } as const;
  // With the account: who wrote what (comments) and the held-back parts and client ids (incomingUpdateValidator.ts).
  const authorship = { userId: 'u', name: 'u', moderates: false };
  function timeChecks(grant: 'editor' | 'commenter', withAccount = false): number[] {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    const validator = new IncomingUpdateValidator(doc);
    const mayTouch = touchPermission(owner, grant);
    // A commenter's filter refuses a cell: time it as one that allows what it is asked, to
    // measure the filter's cost and not a refusal's.
    const filter = mayTouch === null ? undefined : (id: string) => (mayTouch(id), true);
    const times: number[] = [];
    for (const update of stream) {
      const started = performance.now();
      const verdict = validator.check(update, filter, withAccount ? authorship : undefined);
      times.push(performance.now() - started);
      if (!verdict.accepted) throw new Error(verdict.reason);
      Y.applyUpdate(doc, update);
      validator.mirror(update);
    }
    return times;
  }
  timeChecks('editor'); // warm up
  const withoutFilter = timeChecks('editor');
  const withFilter = timeChecks('commenter');
  const withAccount = timeChecks('commenter', true);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.log(`collaboration update check, ${stream.length} real cell edits:`);
  console.log(`  editor (no record filter): p50 ${ms(percentile(withoutFilter, 50))}, p95 ${ms(percentile(withoutFilter, 95))}, total ${ms(sum(withoutFilter))}`);
  console.log(`  with the role's record filter: p50 ${ms(percentile(withFilter, 50))}, p95 ${ms(percentile(withFilter, 95))}, total ${ms(sum(withFilter))}`);
  console.log(`  with the filter and the account's checks: p50 ${ms(percentile(withAccount, 50))}, p95 ${ms(percentile(withAccount, 95))}, total ${ms(sum(withAccount))}`);
  console.log(`  ratio with/without: ${(sum(withFilter) / sum(withoutFilter)).toFixed(3)}; with the account's checks: ${(sum(withAccount) / sum(withoutFilter)).toFixed(3)}`);
} finally {
  await server.close();
}
