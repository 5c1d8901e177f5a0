/**
 * Writes a synthetic contact-centre event log as CSV for the import benchmark:
 *   node bench/analytics/generateLog.ts [output.csv] [--cases 1000000] [--events-per-case 10]
 * Defaults give 10M events over 1M cases and 20 activities, about 700 MB, in /tmp (never commit it).
 * Cases are interleaved in blocks, as a real export sorted by time interleaves them.
 */
import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GENERATED_ACTIVITIES as ACTIVITIES } from './generatedActivities.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cases: { type: 'string', default: '1000000' },
    'events-per-case': { type: 'string', default: '10' },
    seed: { type: 'string', default: '20240601' },
  },
});
const output = positionals[0] ?? '/tmp/klantreis-10m-events.csv';
const caseCount = Number(values.cases);
const eventsPerCase = Number(values['events-per-case']);

const CHANNELS = ['web', 'telefoon', 'chat', 'e-mail', 'monteur'];
const SEGMENTS = ['particulier', 'zakelijk', 'premium'];
const BLOCK = 10_000;

// xorshift32: fast and reproducible, so two runs benchmark the same file.
let state = Number(values.seed) >>> 0 || 1;
function random(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4_294_967_296;
}

function nextActivity(current: number): number {
  const roll = random();
  if (roll < 0.7) return (current + 1) % ACTIVITIES.length;
  if (roll < 0.9) return (current + 2) % ACTIVITIES.length;
  return Math.floor(random() * ACTIVITIES.length);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isoSeconds(millis: number): string {
  const date = new Date(millis);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

const started = performance.now();
const file = await open(output, 'w');
let text = 'case_id,activity,timestamp,channel,resource,segment,cost\n';
let bytes = 0;
const flush = async (force: boolean): Promise<void> => {
  if (!force && text.length < 4 * 1024 * 1024) return;
  const buffer = Buffer.from(text, 'utf8');
  bytes += buffer.length;
  await file.write(buffer);
  text = '';
};
const yearStart = Date.UTC(2024, 0, 1);
try {
  for (let blockStart = 0; blockStart < caseCount; blockStart += BLOCK) {
    const size = Math.min(BLOCK, caseCount - blockStart);
    const activity = new Int32Array(size);
    const time = new Float64Array(size);
    const segment = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      activity[i] = random() < 0.8 ? 0 : Math.floor(random() * 5);
      time[i] = yearStart + Math.floor(random() * 365 * 86_400) * 1000;
      segment[i] = Math.floor(random() * SEGMENTS.length);
    }
    for (let step = 0; step < eventsPerCase; step++) {
      // i stays below size, the typed arrays' own length, and the activities and segments they
      // hold were drawn within their lists: every index here is in range.
      for (let i = 0; i < size; i++) {
        const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
        const cost = (random() * 100).toFixed(2);
        text += `K${blockStart + i},${ACTIVITIES[activity[i]!]},${isoSeconds(time[i]!)},${channel},A${Math.floor(random() * 500)},${SEGMENTS[segment[i]!]},${cost}\n`;
        activity[i] = nextActivity(activity[i]!);
        time[i]! += Math.floor(60 + random() * 86_400) * 1000;
      }
      await flush(false);
    }
  }
  await flush(true);
} finally {
  await file.close();
}
const seconds = (performance.now() - started) / 1000;
console.log(`wrote ${caseCount * eventsPerCase} events for ${caseCount} cases, ${(bytes / 1e6).toFixed(0)} MB, to ${output} in ${seconds.toFixed(1)} s`);
