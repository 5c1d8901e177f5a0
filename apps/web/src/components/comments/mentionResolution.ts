// Whom an @mention reaches. The server tells a person when a comment's `mentions` name them
// by account id, e-mail or a name nobody else on the journey has; a name two people share
// reaches neither (never the wrong one): `accountsMentioned` in @klantreis/core/mentions, the
// rule both use. So the comment box offers each person distinguishably, stores the account of
// the one picked next to the name the text shows, and says before posting which mentions will
// reach nobody.
import { mentionKey } from '@klantreis/core/mentions';

/** Someone the comment box offers after "@": a person with a role on the journey, or a name seen in the map (without an account). */
export interface MentionCandidate {
  name: string;
  userId?: string;
  email?: string;
  /** A name without an account in the list, of someone in the map now: they have access, the list is older than their coming. */
  present?: boolean;
}

/** A suggestion: the candidate, and what tells them apart from others of the same name. */
export interface MentionSuggestion {
  candidate: MentionCandidate;
  /** `email`: another person with access has the same name; `no-access`: a name nobody with access has. */
  detail: 'email' | 'no-access' | null;
}

/** A person picked from the suggestions: their "@name" starts at `start` in the text. */
export interface MentionPick {
  start: number;
  name: string;
  userId: string;
}

/** A mention that will reach nobody: a name `count` people share, or one that nobody with access has. */
export type MentionProblem = { name: string; reason: 'shared'; count: number } | { name: string; reason: 'nobody' };

const key = mentionKey;
const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;
/** What an "@" followed by a word nobody has looks like: "@Nobody" (not "@10" or "@ "). */
const TYPED_NAME = /^\p{L}[\p{L}\p{M}\p{N}'’-]*/u;

/**
 * The people with access, each on their own, then the other names: of those in the map now
 * (`present`) and of those seen in the comments, when no person with access has them.
 */
export function mentionCandidates(people: readonly { userId: string; name: string; email: string }[], present: readonly string[], seen: readonly string[]): MentionCandidate[] {
  const accounts: MentionCandidate[] = people.filter((p) => p.name.trim() !== '').map(({ userId, name, email }) => ({ userId, name, email }));
  const taken = new Set(accounts.map((c) => key(c.name)));
  const others: MentionCandidate[] = [];
  for (const [names, isPresent] of [[present, true], [seen, false]] as const) {
    for (const name of names) {
      if (name.trim() === '' || taken.has(key(name))) continue;
      taken.add(key(name));
      others.push(isPresent ? { name, present: true } : { name });
    }
  }
  return [...accounts, ...others].sort((a, b) => a.name.localeCompare(b.name) || (a.email ?? '').localeCompare(b.email ?? ''));
}

/** The candidates whose name (or a word of it) starts with `query`; all of a shared name, so each can be picked. */
export function matchingCandidates(candidates: readonly MentionCandidate[], query: string, limit = 8): MentionSuggestion[] {
  const q = query.toLowerCase();
  const peopleKnown = candidates.some((c) => c.userId);
  return candidates
    .filter(({ name }) => name.toLowerCase().startsWith(q) || name.toLowerCase().split(/\s+/).some((word) => word.startsWith(q)))
    .slice(0, limit)
    .map((candidate) => ({
      candidate,
      detail: !candidate.userId ? (peopleKnown && !candidate.present ? 'no-access' : null) : accountsNamed(candidates, candidate.name).length > 1 ? 'email' : null,
    }));
}

function accountsNamed(candidates: readonly MentionCandidate[], name: string): MentionCandidate[] {
  return candidates.filter((c) => c.userId && key(c.name) === key(name));
}

/**
 * The picks still where they were after the text changed from `before` to `after`: moved along
 * by what was typed before them, dropped when the edit touched their "@name".
 */
export function keepPicks(picks: readonly MentionPick[], before: string, after: string): MentionPick[] {
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same += 1;
  let sameEnd = 0;
  while (sameEnd < before.length - same && sameEnd < after.length - same && before[before.length - 1 - sameEnd] === after[after.length - 1 - sameEnd]) sameEnd += 1;
  const shift = after.length - before.length;
  return picks.flatMap((pick) => {
    if (pick.start + 1 + pick.name.length <= same) return [pick];
    if (pick.start >= before.length - sameEnd) return [{ ...pick, start: pick.start + shift }];
    return [];
  });
}

/**
 * What a comment's `mentions` become, and which mentions reach nobody. Each "@" that starts a
 * word is a pick when one is there still, else the longest candidate name written after it (in
 * any case): the name as written goes into `mentions` (the text highlights it) and, when it is
 * one person's, their account id. While the people with access are not known, nothing is
 * called a problem; nor is the "@" at `typingAt`, whose name is still being typed.
 */
export function resolveMentions(
  text: string,
  candidates: readonly MentionCandidate[],
  picks: readonly MentionPick[],
  typingAt?: number,
): { mentions: string[]; problems: MentionProblem[] } {
  const names = [...new Set(candidates.map((c) => c.name))].sort((a, b) => b.length - a.length);
  const mentions = new Set<string>();
  const problems = new Map<string, MentionProblem>();
  const endsWord = (at: number) => at >= text.length || !LETTER_OR_DIGIT.test(text[at]!);
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && LETTER_OR_DIGIT.test(text[at - 1]!)) continue;
    const pick = picks.find((p) => p.start === at && text.startsWith(`@${p.name}`, at) && endsWord(at + 1 + p.name.length));
    if (pick) {
      mentions.add(pick.name).add(pick.userId);
      continue;
    }
    const problemsKnown = candidates.some((c) => c.userId) && at !== typingAt;
    const name = names.find((n) => text.slice(at + 1, at + 1 + n.length).toLowerCase() === n.toLowerCase() && endsWord(at + 1 + n.length));
    if (name === undefined) {
      const typed = TYPED_NAME.exec(text.slice(at + 1))?.[0];
      if (typed && problemsKnown) problems.set(key(typed), { name: typed, reason: 'nobody' });
      continue;
    }
    const written = text.slice(at + 1, at + 1 + name.length);
    mentions.add(written);
    const accounts = accountsNamed(candidates, name);
    if (accounts.length === 1) mentions.add(accounts[0]!.userId!);
    else if (accounts.length > 1 && problemsKnown) problems.set(key(name), { name: written, reason: 'shared', count: accounts.length });
    else if (problemsKnown && !candidates.some((c) => c.present && key(c.name) === key(name))) problems.set(key(name), { name: written, reason: 'nobody' });
  }
  return { mentions: [...mentions], problems: [...problems.values()] };
}
