// The open JSON format's history. Each migration moves a document up one schema version and
// has a namespaced id naming the record type it changes; the ids and versions are checked at
// start-up (assertMigrationsValid) and every migration is exercised by a test.
//
// Version 1 was the draft format of the first prototype: a step's score was called
// `satisfaction` and its waiting time was a bare `waitMinutes` number. Version 4 brought the
// to-be curve and the Kano questionnaire, version 5 the improvement actions, version 6 the
// mapping of event-log activities to steps, version 7 the XLA indicators, versions 8 to 10 the
// workshop's comments, quick-capture inbox and dot votes.

type UnknownRecord = Record<string, unknown>;

export interface Migration {
  id: `klantreis.${string}/${number}`;
  /** The schema version this migration reads; it writes fromVersion + 1. */
  fromVersion: number;
  description: string;
  up(document: UnknownRecord): UnknownRecord;
}

function mapList(document: UnknownRecord, list: string, change: (record: UnknownRecord) => UnknownRecord): UnknownRecord {
  const records = document[list];
  if (!Array.isArray(records)) return document;
  return { ...document, [list]: records.map((r) => (isRecord(r) ? change(r) : r)) };
}

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 'klantreis.step/2',
    fromVersion: 1,
    description: 'step.satisfaction becomes step.score',
    up: (document) =>
      mapList(document, 'steps', ({ satisfaction, ...step }) => ({ ...step, score: satisfaction ?? null })),
  },
  {
    id: 'klantreis.step/3',
    fromVersion: 2,
    description: 'step.waitMinutes becomes step.wait {moment, minutes}',
    up: (document) =>
      mapList(document, 'steps', ({ waitMinutes, ...step }) => ({
        ...step,
        wait: typeof waitMinutes === 'number' && waitMinutes > 0 ? { moment: 'before', minutes: waitMinutes } : null,
      })),
  },
  {
    id: 'klantreis.step/4',
    fromVersion: 3,
    description: 'steps get a targetScore (the to-be curve); Kano elements get their question pair and questionnaire responses',
    up: (document) =>
      mapList(document, 'steps', (step) => ({
        ...step,
        targetScore: step.targetScore ?? null,
        kano: Array.isArray(step.kano)
          ? step.kano.map((element: unknown) =>
              isRecord(element)
                ? { functionalQuestion: '', dysfunctionalQuestion: '', responses: null, ...element }
                : element,
            )
          : step.kano,
      })),
  },
  {
    id: 'klantreis.action/5',
    fromVersion: 4,
    description: 'a journey gets a list of improvement actions, empty to begin with',
    up: (document) => ({ ...document, actions: Array.isArray(document.actions) ? document.actions : [] }),
  },
  {
    id: 'klantreis.step/6',
    fromVersion: 5,
    description: 'steps get the event-log activities mapped to them (none yet) and whether they end the journey (no)',
    up: (document) =>
      mapList(document, 'steps', (step) => ({
        ...step,
        activityPatterns: Array.isArray(step.activityPatterns) ? step.activityPatterns : [],
        journeyEnd: typeof step.journeyEnd === 'boolean' ? step.journeyEnd : false,
      })),
  },
  {
    id: 'klantreis.indicator/7',
    fromVersion: 6,
    description: 'a journey gets a list of XLA experience indicators, empty to begin with',
    up: (document) => ({ ...document, indicators: Array.isArray(document.indicators) ? document.indicators : [] }),
  },
  {
    id: 'klantreis.comment/8',
    fromVersion: 7,
    description: 'a journey gets comments on its steps and cells, none to begin with',
    up: (document) => ({ ...document, comments: Array.isArray(document.comments) ? document.comments : [] }),
  },
  {
    id: 'klantreis.capture/9',
    fromVersion: 8,
    description: 'a journey gets a quick-capture inbox for workshops, empty to begin with',
    up: (document) => ({ ...document, captures: Array.isArray(document.captures) ? document.captures : [] }),
  },
  {
    id: 'klantreis.vote/10',
    fromVersion: 9,
    description: 'a journey gets dot votes on its cells, none to begin with',
    up: (document) => ({ ...document, votes: Array.isArray(document.votes) ? document.votes : [] }),
  },
  {
    id: 'klantreis.journey/11',
    fromVersion: 10,
    description:
      'the journey status becomes its place in the portfolio (idea … measured; a map with steps starts as as-is mapped), with an owner account and tags',
    up: (document) => {
      const journey = document.journey;
      if (!isRecord(journey)) return document;
      const mapped = Array.isArray(document.steps) && document.steps.length > 0;
      return {
        ...document,
        journey: { ...journey, status: mapped ? 'as-is' : 'idea', ownerId: journey.ownerId ?? null, tags: Array.isArray(journey.tags) ? journey.tags : [] },
      };
    },
  },
  {
    id: 'klantreis.action/12',
    fromVersion: 11,
    description: 'improvement actions get an impact and an effort (1–5), not judged yet',
    up: (document) => mapList(document, 'actions', (action) => ({ ...action, impact: action.impact ?? null, effort: action.effort ?? null })),
  },
  {
    id: 'klantreis.step/13',
    fromVersion: 12,
    description: 'a step may link to a journey that details it (a micro journey); none yet',
    up: (document) => mapList(document, 'steps', (step) => ({ ...step, subJourneyId: step.subJourneyId ?? null })),
  },
  {
    id: 'klantreis.link/14',
    fromVersion: 13,
    description: "an experience map's stages get links to the journeys that detail them, none to begin with",
    up: (document) => ({ ...document, links: Array.isArray(document.links) ? document.links : [] }),
  },
];

export const CURRENT_SCHEMA_VERSION = 14 as const;

/** Refuses to start with a migration list whose ids repeat or whose versions do not step by one. */
export function assertMigrationsValid(migrations: readonly Migration[] = MIGRATIONS): void {
  const ids = new Set<string>();
  migrations.forEach((migration, i) => {
    if (ids.has(migration.id)) throw new Error(`migration ${migration.id} is listed twice`);
    ids.add(migration.id);
    if (migration.fromVersion !== i + 1) {
      throw new Error(`migration ${migration.id} reads version ${migration.fromVersion}, expected ${i + 1}`);
    }
    if (!/^klantreis\.[a-z]+\/\d+$/.test(migration.id)) throw new Error(`migration id ${migration.id} is not namespaced`);
  });
  if (migrations.length + 1 !== CURRENT_SCHEMA_VERSION) {
    throw new Error(`CURRENT_SCHEMA_VERSION is ${CURRENT_SCHEMA_VERSION} but the migrations lead to ${migrations.length + 1}`);
  }
}

export type MigrationResult =
  | { ok: true; document: UnknownRecord; applied: string[] }
  | { ok: false; path: string; message: string };

/** Brings a document of any earlier schema version up to the current one. */
export function migrateToCurrent(input: unknown): MigrationResult {
  if (!isRecord(input)) return { ok: false, path: '(document)', message: 'must be a JSON object' };
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, path: 'schemaVersion', message: 'must be a whole number of at least 1' };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      path: 'schemaVersion',
      message: `version ${version} was written by a newer Klantreis; this one reads up to ${CURRENT_SCHEMA_VERSION}`,
    };
  }
  let document: UnknownRecord = input;
  const applied: string[] = [];
  for (const migration of MIGRATIONS.slice(version - 1)) {
    document = { ...migration.up(document), schemaVersion: migration.fromVersion + 1 };
    applied.push(migration.id);
  }
  return { ok: true, document, applied };
}
