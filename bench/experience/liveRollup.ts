// How soon an open experience map shows a linked journey's score change, on the real server:
//   node bench/experience/liveRollup.ts [changes] [stages] [journeys per stage]
// An experience map of 12 stages × 40 linked journeys (480 journeys of 12 scored steps each);
// the map's roll-up stream (GET …/experience/events) is open, as the editor holds it. Editors
// (real Hocuspocus clients) change the last step's score of a linked journey; we time from the
// change in the editor to the stream's roll-up that carries it. Paired, change by change, with
// the naive alternatives on the same server: recomputing every linked journey's figures on each
// change (what the stream would cost without its per-journey cache), and polling the roll-up
// once a second, recomputed from scratch. Goal (issue 12): within 100 ms.
import { performance } from 'node:perf_hooks';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import { createBlankJourney, createLinkRecord, createPhaseRecord, createStepRecord, indicesBetween, type JourneyDocument, type PhaseId, type Score } from '@klantreis/schema';
import { readRecord, updateRecord } from '@klantreis/sync';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { ExperienceRollups } from '../../apps/server/src/commands/experienceRollups.ts';
import { JourneyChangeSignal } from '../../apps/server/src/commands/journeyChangeSignal.ts';
import { buildEditorClient, buildTestServer } from '../../apps/server/src/testServer.ts';

const changes = Number(process.argv[2] ?? 40);
const stageCount = Number(process.argv[3] ?? 12);
const perStage = Number(process.argv[4] ?? 40);
const EDITORS = 8;

/** A small deterministic generator, so every run builds the same journeys. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function journeyDocument(title: string, next: () => number): JourneyDocument {
  const document = createBlankJourney(title, 'nl');
  const phaseIndices = indicesBetween(null, null, 3);
  document.phases = phaseIndices.map((index, i) => createPhaseRecord({ index, name: `Fase ${i + 1}` }));
  document.steps = document.phases.flatMap((phase) =>
    indicesBetween(null, null, 4).map((index, i) => createStepRecord({ phaseId: phase.id, index, title: `Stap ${i + 1}`, score: (Math.floor(next() * 5) - 2) as Score })),
  );
  return document;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const server = await buildTestServer();
try {
  const call = (path: string, body?: unknown) =>
    authorizedFetch(`${server.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const next = random(12);
  const started = performance.now();
  const journeyIds: string[] = [];
  for (let i = 0; i < stageCount * perStage; i++) {
    const response = await call('/api/journeys/import', journeyDocument(`Reis ${i + 1}`, next));
    journeyIds.push(((await response.json()) as { id: string }).id);
  }
  const map = createBlankJourney('Levenscyclus', 'nl');
  map.journey.kind = 'experience';
  map.phases = indicesBetween(null, null, stageCount).map((index, i) => createPhaseRecord({ index, name: `Fase ${i + 1}` }));
  const linkIndices = indicesBetween(null, null, journeyIds.length);
  map.links = journeyIds.map((journeyId, i) => createLinkRecord({ phaseId: map.phases[Math.floor(i / perStage)]!.id as PhaseId, journeyId, index: linkIndices[i]! }));
  const mapId = ((await (await call('/api/journeys/import', map)).json()) as { id: string }).id;
  console.log(`built ${journeyIds.length} journeys and the map in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The stream, as the web app holds it.
  const rollups: { at: number; rollup: ExperienceRollup; bytes: number }[] = [];
  const controller = new AbortController();
  const firstAt = performance.now();
  const stream = await authorizedFetch(`${server.url}/api/journeys/${mapId}/experience/events`, { signal: controller.signal });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^event: rollup\ndata: (.*)$/ms.exec(message)?.[1];
        if (data) rollups.push({ at: performance.now(), rollup: JSON.parse(data) as ExperienceRollup, bytes: data.length });
      }
    }
  })();
  const waitFor = async <T>(check: () => T | undefined, timeoutMs = 30_000): Promise<T> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (performance.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await waitFor(() => rollups[0]);
  console.log(`first roll-up (cold: every journey read and evaluated): ${ms(rollups[0]!.at - firstAt)}, ${(rollups[0]!.bytes / 1024).toFixed(0)} KB`);

  const remembered = (rollup: ExperienceRollup, journeyId: string) => {
    for (const stage of rollup.stages) for (const link of stage.links) if (link.journeyId === journeyId) return link.scores?.designedRemembered ?? null;
    return undefined;
  };
  const naive = new ExperienceRollups({ store: server.store, documents: server.server.documents, analytics: server.server.analytics, access: server.server.access, signal: new JourneyChangeSignal(), cached: false });
  const admin = { kind: 'local-admin', name: 'bench' } as const;

  const editors = await Promise.all(
    journeyIds
      .filter((_, i) => i % Math.floor(journeyIds.length / EDITORS) === 0)
      .slice(0, EDITORS)
      .map(async (id) => ({ id, ...(await buildEditorClient(server.url, id)), watcher: await buildEditorClient(server.url, id) })),
  );
  // When a second editor of the same journey sees the change: the change is stored and live on
  // the server by then, so `live − broadcast` is what the roll-up itself adds.
  const seenBy = (watcher: (typeof editors)[number]['watcher'], stepId: string, score: number) =>
    new Promise<number>((resolve) => {
      const check = () => {
        if (readRecord(watcher.doc, stepId)?.score !== score) return;
        watcher.doc.off('update', check);
        resolve(performance.now());
      };
      watcher.doc.on('update', check);
    });
  const live: number[] = [];
  const broadcast: number[] = [];
  const recomputeAll: number[] = [];
  for (let i = 0; i < changes; i++) {
    const editor = editors[i % editors.length]!;
    const before = remembered(rollups.at(-1)!.rollup, editor.id);
    const document = (await (await call(`/api/journeys/${editor.id}`)).json()) as JourneyDocument;
    const last = document.steps.at(-1)!;
    const seen = rollups.length;
    const score = last.score === 2 ? -2 : 2;
    const watched = seenBy(editor.watcher, last.id, score);
    const t0 = performance.now();
    updateRecord(editor.doc, last.id, { score });
    const arrived = await waitFor(() => rollups.slice(seen).find((event) => remembered(event.rollup, editor.id) !== before));
    live.push(arrived.at - t0);
    broadcast.push((await watched) - t0);
    // The same change, if the stream recomputed every linked journey instead.
    const t1 = performance.now();
    const full = await naive.rollup(mapId, admin);
    recomputeAll.push(performance.now() - t1);
    if (remembered(full, editor.id) !== remembered(arrived.rollup, editor.id)) throw new Error('the naive roll-up disagrees with the stream');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // Polling once a second, recomputed from scratch: a change waits for the next poll to finish.
  const polls: { start: number; end: number; rollup: ExperienceRollup }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const start = performance.now();
      const rollup = await naive.rollup(mapId, admin);
      polls.push({ start, end: performance.now(), rollup });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - start))));
    }
  })();
  const polled: number[] = [];
  for (let i = 0; i < Math.min(12, changes); i++) {
    await new Promise((resolve) => setTimeout(resolve, 300 + ((i * 373) % 900)));
    const editor = editors[i % editors.length]!;
    const document = (await (await call(`/api/journeys/${editor.id}`)).json()) as JourneyDocument;
    const last = document.steps.at(-1)!;
    const before = remembered(polls.at(-1)!.rollup, editor.id);
    const t0 = performance.now();
    updateRecord(editor.doc, last.id, { score: last.score === 2 ? -2 : 2 });
    const seen = await waitFor(() => polls.find((poll) => poll.start > t0 && remembered(poll.rollup, editor.id) !== before), 60_000);
    polled.push(seen.end - t0);
  }
  polling = false;
  await poller;

  const row = (name: string, values: number[]) => `| ${name} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${(percentile(values, 50) / percentile(live, 50)).toFixed(1)}× |`;
  console.log(`\n${stageCount} stages × ${perStage} linked journeys, ${changes} score changes (${editors.length} editors), ${polled.length} for polling`);
  console.log('| path | median | p95 | median vs live |');
  console.log('|---|---|---|---|');
  console.log(row('another editor of the journey sees it (baseline)', broadcast));
  console.log(row('live stream (per-journey cache)', live));
  console.log(row('recompute every linked journey per change', recomputeAll));
  console.log(row('poll every 1 s, recomputed', polled));
  for (const editor of editors) for (const provider of [editor.provider, editor.watcher.provider]) provider.destroy();
  controller.abort();
  await reading;
} finally {
  await server.close();
}
