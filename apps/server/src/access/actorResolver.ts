import { ANONYMOUS, type AccessStore, type Actor, type Auth } from '@klantreis/core';

/**
 * Who sends a request or opens a socket: an API token (`Authorization: Bearer kr_…`, or the
 * collaboration provider's token) acts as its user capped at the token's role; otherwise the
 * session cookie; otherwise nobody.
 */
export class ActorResolver {
  private readonly auth: Auth;
  private readonly access: AccessStore;

  constructor(auth: Auth, access: AccessStore) {
    this.auth = auth;
    this.access = access;
  }

  async resolve(headers: Headers, token?: string | null): Promise<Actor> {
    const bearer = token || bearerToken(headers.get('authorization'));
    if (bearer) {
      const found = await this.access.resolveToken(bearer);
      if (!found) return ANONYMOUS;
      const user = await this.access.getUser(found.userId);
      if (!user) return ANONYMOUS;
      return { kind: 'user', userId: user.id, name: user.name, email: user.email, cap: found.role, via: 'token' };
    }
    if (!headers.get('cookie')) return ANONYMOUS;
    // A session that cannot be read (the database is busy or gone) is not a signed-out person:
    // answering 401 would sign the web app out. The error goes up as it is (500/503).
    const session = await this.auth.api.getSession({ headers }).catch((error: unknown) => {
      console.error(`sessions: could not read a session: ${(error as Error).message}`);
      throw error;
    });
    if (!session) return ANONYMOUS;
    return { kind: 'user', userId: session.user.id, name: session.user.name, email: session.user.email, cap: 'owner', via: 'session' };
  }
}

function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Node's incoming headers as fetch Headers (what better-auth reads); unreadable values are left out. */
export function toHeaders(incoming: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    try {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else headers.set(name, value);
    } catch {
      // A value fetch refuses (a control character): no header we read is like that.
    }
  }
  return headers;
}
