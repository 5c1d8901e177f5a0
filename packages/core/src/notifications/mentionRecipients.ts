// Whom a comment's @mentions reach: the one rule by which the server notifies people
// (MentionExtension) and the comment box warns before posting (mentionResolution.ts). Without
// imports, so the web app can read it too (`@klantreis/core/mentions`).

export interface MentionablePerson {
  userId: string;
  name: string;
  email: string;
}

/** A name or address compares without case or surrounding spaces. */
export const mentionKey = (value: string): string => value.trim().toLowerCase();

/**
 * The accounts that a comment's `mentions` reach, of the people with a role on the journey: a
 * mention names one person by their account id, e-mail address or a name only they have. A name
 * that more than one person has, or nobody, reaches nobody: never the wrong person.
 */
export function accountsMentioned(mentions: readonly string[], people: readonly MentionablePerson[]): Set<string> {
  const reached = new Set<string>();
  for (const mention of mentions) {
    const matches = people.filter((p) => p.userId === mention || mentionKey(p.email) === mentionKey(mention) || mentionKey(p.name) === mentionKey(mention));
    if (matches.length === 1) reached.add(matches[0]!.userId);
  }
  return reached;
}
