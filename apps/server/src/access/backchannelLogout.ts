// OpenID Connect Back-Channel Logout 1.0: the IdP tells Klantreis, server to server, that a
// person's sessions there ended (they signed out at the IdP, or an administrator ended their
// sessions or removed them). Klantreis then ends every session of that account and closes its
// sockets and streams, on every process, instead of letting its sessions run for 14 days.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { OidcSettings } from '@klantreis/core/singleSignOn';

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** A logout token that cannot be believed: answered 400, as the specification asks. */
export class LogoutTokenError extends Error {}

/** How long a token's `jti` is remembered, to refuse the same token sent again. */
const REPLAY_WINDOW_MS = 10 * 60_000;

export class BackchannelLogout {
  private readonly settings: Pick<OidcSettings, 'issuer' | 'clientId'>;
  private keys: ReturnType<typeof createRemoteJWKSet> | null = null;
  private readonly seen = new Map<string, number>();

  constructor(settings: Pick<OidcSettings, 'issuer' | 'clientId'>) {
    this.settings = settings;
  }

  /**
   * The IdP's subject (`sub`) whose sessions end and the token's id, once the token's signature
   * (the IdP's own keys, from its discovery document), issuer, audience, age and event are
   * checked. Call `used(jti)` once the sessions have ended: a retry after a failure is let in.
   * Throws LogoutTokenError for a token not to believe; anything else when the IdP's keys
   * cannot be read now (answered 503, which the IdP retries).
   */
  async subjectOf(token: string): Promise<{ subject: string; jti: string }> {
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.clientId,
        maxTokenAge: '5 minutes',
        clockTolerance: 30,
      }));
    } catch (error) {
      // The keys could not be fetched (timeout, network, the IdP's error): not the token's fault.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw error;
      throw new LogoutTokenError(`the logout token is not valid: ${(error as Error).message}`);
    }
    const events = payload.events as Record<string, unknown> | undefined;
    const event = events?.[BACKCHANNEL_LOGOUT_EVENT];
    if (event === null || typeof event !== 'object') throw new LogoutTokenError('the logout token names no back-channel logout event');
    if (payload.nonce !== undefined) throw new LogoutTokenError('a logout token carries no nonce (this is an ID token)');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new LogoutTokenError('the logout token names no subject (sub): Klantreis keeps no IdP session ids');
    if (typeof payload.jti !== 'string') throw new LogoutTokenError('the logout token has no jti');
    this.forgetOld();
    if (this.seen.has(payload.jti)) throw new LogoutTokenError('this logout token was used already');
    return { subject: payload.sub, jti: payload.jti };
  }

  /** Remembers a token whose logout is done, to refuse it sent again (per process). */
  used(jti: string): void {
    this.seen.set(jti, Date.now());
  }

  private async keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.keys) return this.keys;
    const discovery = await fetch(`${this.settings.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
    if (!discovery.ok) throw new Error(`the IdP's discovery document answered ${discovery.status}`);
    const { jwks_uri: jwksUri } = (await discovery.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error("the IdP's discovery document names no jwks_uri");
    this.keys = createRemoteJWKSet(new URL(jwksUri));
    return this.keys;
  }

  private forgetOld(): void {
    const oldest = Date.now() - REPLAY_WINDOW_MS;
    for (const [jti, at] of this.seen) if (at < oldest) this.seen.delete(jti);
  }
}
