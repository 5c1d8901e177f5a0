import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type { AccessStore, Inbox } from '@klantreis/core';
import { recordTypeOf } from '@klantreis/schema';
import { readRecord, recordsOf } from '@klantreis/sync';

/**
 * An @mention in a new comment lands in the mentioned person's inbox: a mention names a
 * person with a role on the journey by their account id (what the comment box stores for the
 * person picked from its list), e-mail address or name. Names nobody has, or that more than one
 * person has, reach nobody: never the wrong person; the comment box warns before posting those.
 * The author, when they are one of the people, is not told about their own comment; they are
 * known by their account, since a namesake may be the one they mention.
 */
export class MentionExtension implements Extension {
  private readonly access: AccessStore;
  private readonly inbox: Inbox;

  constructor(access: AccessStore, inbox: Inbox) {
    this.access = access;
    this.inbox = inbox;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    recordsOf(document).observe((event) => {
      for (const [id, change] of event.changes.keys) {
        if (change.action !== 'add' || recordTypeOf(id) !== 'comment') continue;
        const comment = readRecord(document, id) as { author?: string; authorId?: string; text?: string; mentions?: string[] } | undefined;
        if (!comment?.mentions?.length) continue;
        this.notify(documentName, id, { name: comment.author ?? '', userId: comment.authorId }, comment.text ?? '', comment.mentions).catch((error: unknown) =>
          console.error(`mentions: could not notify for ${id} in ${documentName}: ${(error as Error).message}`),
        );
      }
    });
  }

  private async notify(journeyId: string, commentId: string, author: { name: string; userId?: string | undefined }, text: string, mentions: readonly string[]): Promise<void> {
    const people = await this.access.peopleOnJourney(journeyId);
    const key = (value: string) => value.trim().toLowerCase();
    const recipients = mentions.flatMap((mention) => {
      const matches = people.filter((p) => p.userId === mention || key(p.email) === key(mention) || key(p.name) === key(mention));
      return matches.length === 1 ? [matches[0]!] : [];
    });
    // Comments from before accounts have no authorId: their author is known by name only.
    const isAuthor = (p: (typeof people)[number]) => (author.userId ? p.userId === author.userId : key(p.name) === key(author.name) || key(p.email) === key(author.name));
    const toNotify = recipients.filter((p) => !isAuthor(p)).map((p) => p.userId);
    await this.inbox.notify(toNotify, { journeyId, kind: 'mention', actorName: author.name, recordId: commentId, excerpt: text });
  }
}
