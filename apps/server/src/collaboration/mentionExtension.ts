import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type { AccessStore, Inbox } from '@klantreis/core';
import { accountsMentioned, mentionKey } from '@klantreis/core/mentions';
import { recordTypeOf } from '@klantreis/schema';
import { readRecord, recordsOf } from '@klantreis/sync';

/**
 * An @mention in a new comment lands in the mentioned person's inbox, by the rule in
 * `@klantreis/core/mentions`: a person with a role on the journey named by their account id (what
 * the comment box stores for the person picked from its list), e-mail address or a name only they
 * have; the comment box warns before posting a mention that reaches nobody.
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
    const reached = accountsMentioned(mentions, people);
    // Comments from before accounts have no authorId: their author is known by name only.
    const isAuthor = (p: (typeof people)[number]) =>
      author.userId ? p.userId === author.userId : mentionKey(p.name) === mentionKey(author.name) || mentionKey(p.email) === mentionKey(author.name);
    const toNotify = people.filter((p) => reached.has(p.userId) && !isAuthor(p)).map((p) => p.userId);
    await this.inbox.notify(toNotify, { journeyId, kind: 'mention', actorName: author.name, recordId: commentId, excerpt: text });
  }
}
