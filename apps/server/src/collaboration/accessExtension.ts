import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { actorName, allow, effectiveRole, type AccessStore, type Actor, type Role } from '@klantreis/core';
import { isDatabaseUnavailable, type JourneyStore } from '@klantreis/db';
import { recordTypeOf } from '@klantreis/schema';
import { CLOSE_CODES, JOURNEY_PARAMETER } from '@klantreis/sync';
import type { ActorResolver } from '../access/actorResolver.ts';
import type { TouchPermission } from './incomingUpdateValidator.ts';
import type { Authorship } from './recordRules.ts';

/** What a connection carries after it is authenticated. */
export interface CollabContext {
  actor: Actor;
  role: Role;
  /** Which records its updates may touch; null: all (an editor or owner). */
  mayTouch: TouchPermission | null;
  /** The name its comments and captures carry, and whether it may delete others'; null: not checked (the local admin). */
  authorship: Authorship | null;
}

/** The records a commenter adds and changes: comments and votes. */
const COMMENT_RECORDS = new Set(['comment', 'vote']);

export function touchPermission(actor: Actor, grant: Role): TouchPermission | null {
  if (allow(actor, 'journey.edit', grant)) return null;
  if (allow(actor, 'journey.comment', grant)) return (id) => id !== 'meta' && COMMENT_RECORDS.has(recordTypeOf(id) ?? '');
  return () => false;
}

function refusal(message: string, reason: string): Error {
  return Object.assign(new Error(message), { reason });
}

/**
 * Who opens a journey: the session cookie sent with the upgrade, or an API token as the
 * provider's token. Only a journey that exists, is not in the trash and that the person holds
 * a role on can be opened; the role decides what their updates may change.
 */
export class AccessExtension implements Extension {
  private readonly store: JourneyStore;
  private readonly resolver: ActorResolver;
  private readonly access: AccessStore;

  constructor(store: JourneyStore, resolver: ActorResolver, access: AccessStore) {
    this.store = store;
    this.resolver = resolver;
    this.access = access;
  }

  async onAuthenticate(payload: onAuthenticatePayload): Promise<CollabContext> {
    try {
      return await this.authenticate(payload);
    } catch (error) {
      // The database is restarting: the editor tries again, it is not refused for good.
      if (isDatabaseUnavailable(error)) throw refusal('the database does not answer now', CLOSE_CODES.storeFailed.reason);
      throw error;
    }
  }

  private async authenticate({ documentName, token, requestHeaders, requestParameters }: onAuthenticatePayload): Promise<CollabContext> {
    // A socket that names its journey serves that one only: the proxy routed it by that name.
    const named = requestParameters.get(JOURNEY_PARAMETER);
    if (named !== null && named !== documentName) throw refusal(`this socket serves journey ${named}, not ${documentName}`, CLOSE_CODES.journeyNotFound.reason);
    const actor = await this.resolver.resolve(requestHeaders, token.startsWith('kr_') ? token : null);
    if (actor.kind === 'anonymous') throw refusal('sign in first', CLOSE_CODES.unauthorized.reason);
    const journey = await this.store.getJourney(documentName);
    const grant = actor.kind === 'user' ? await this.access.roleOnJourney(actor.userId, documentName) : 'owner';
    // A journey the person has no role on is, to them, not there.
    if (!journey || journey.deletedAt !== null || grant === null) {
      throw refusal(`no journey ${documentName}`, CLOSE_CODES.journeyNotFound.reason);
    }
    return {
      actor,
      role: effectiveRole(actor, grant) ?? 'viewer',
      mayTouch: touchPermission(actor, grant),
      authorship: actor.kind === 'user' ? { userId: actor.userId, name: actorName(actor), moderates: allow(actor, 'journey.edit', grant) } : null,
    };
  }
}
