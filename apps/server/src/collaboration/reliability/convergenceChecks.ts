import { isDeepStrictEqual } from 'node:util';
import type * as Y from 'yjs';
import { LIST_NAMES, validateJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc } from '@klantreis/sync';


/** Ids that occur more than once in a journey, across all its lists. */
export function duplicateIds(journey: JourneyDocument): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const list of LIST_NAMES) {
    for (const record of journey[list]) {
      if (seen.has(record.id)) duplicates.push(record.id);
      seen.add(record.id);
    }
  }
  return duplicates;
}

/** The first place where two journeys differ, to make a failure readable. */
export function firstDifference(expected: JourneyDocument, actual: JourneyDocument): string {
  if (!isDeepStrictEqual(expected.journey, actual.journey)) return 'the journey record';
  for (const list of LIST_NAMES) {
    const a = expected[list] as readonly { id: string }[];
    const b = actual[list] as readonly { id: string }[];
    if (a.length !== b.length) return `${list}: ${a.length} expected, ${b.length} found`;
    for (let i = 0; i < a.length; i++) {
      if (!isDeepStrictEqual(a[i], b[i])) return `${list}[${i}]: expected ${JSON.stringify(a[i])}, found ${JSON.stringify(b[i])}`;
    }
  }
  return 'somewhere else';
}

/**
 * What keeps a set of replicas from having converged: each `docs` entry must read as the
 * same journey as `reference`, with no id twice and valid as an import would be.
 */
export function convergenceProblems(reference: { name: string; doc: Y.Doc }, others: readonly { name: string; doc: Y.Doc }[]): string[] {
  const problems: string[] = [];
  const expected = journeyFromDoc(reference.doc);
  for (const other of others) {
    const actual = journeyFromDoc(other.doc);
    if (!isDeepStrictEqual(actual, expected)) problems.push(`${other.name} differs from ${reference.name}: ${firstDifference(expected, actual)}`);
  }
  const duplicates = duplicateIds(expected);
  if (duplicates.length > 0) problems.push(`duplicate ids in ${reference.name}: ${duplicates.join(', ')}`);
  const validation = validateJourneyDocument(expected);
  if (!validation.ok) problems.push(`${reference.name} is not a valid journey: ${JSON.stringify(validation)}`);
  return problems;
}
