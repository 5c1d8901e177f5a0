// A real OpenID Connect IdP for the single sign-on tests: oidc-provider on 127.0.0.1, with its
// development login form (any password) and a few people with e-mail addresses and groups.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpPerson {
  login: string;
  email: string;
  name: string;
  groups: string[];
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Ends a person's sessions at the IdP as an administrator does (removing them, say): the IdP
   * sends Klantreis its signed logout token by back-channel logout, as oidc-provider's own
   * end-of-session does. Rejects when Klantreis does not answer 200.
   */
  endSessionsOf(login: string): Promise<void>;
  /** A logout token for a person signed by the IdP, as the IdP makes it (to send it twice, say). */
  logoutTokenFor(login: string): Promise<string>;
  close(): Promise<void>;
}

/** A free port on 127.0.0.1: the Klantreis server under test must be known to the IdP before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startIdentityProvider(options: { redirectUri: string; people: IdpPerson[] }): Promise<IdentityProvider> {
  // Klantreis's back-channel logout route, on the same server as the callback.
  const backchannelLogoutUri = new URL('/api/sso/backchannel-logout', options.redirectUri).href;
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'klantreis';
  const clientSecret = 'klantreis-test-secret-of-enough-length';
  const byLogin = new Map(options.people.map((p) => [p.login, p]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        backchannel_logout_uri: backchannelLogoutUri,
        backchannel_logout_session_required: false,
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: true }, backchannelLogout: { enabled: true } },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    // Klantreis listens on 127.0.0.1 here, which oidc-provider's guard against requests to
    // internal addresses refuses (its dispatcher): the back-channel logout goes out without it.
    fetch: (url, options) => globalThis.fetch(url, { ...options, dispatcher: undefined } as RequestInit),
    // The claims in the ID token too, not only from userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const person = byLogin.get(id);
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email: person.email, email_verified: true, name: person.name, groups: person.groups }) };
    },
  });
  const handle = provider.callback();
  http.on('request', (request, response) => {
    void handle(request, response);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    endSessionsOf: async (login) => {
      const client = await provider.Client.find(clientId);
      if (!client) throw new Error(`the IdP has no client ${clientId}`);
      // In oidc-provider since 7.x, not in its types.
      await (client as unknown as { backchannelLogout(sub: string, sid: string): Promise<void> }).backchannelLogout(login, '');
    },
    logoutTokenFor: async (login) => {
      const client = await provider.Client.find(clientId);
      // What oidc-provider's Client#backchannelLogout signs.
      const token = new provider.IdToken({ sub: login }, { client, ctx: undefined });
      (token as unknown as { mask: object }).mask = { sub: null };
      token.set('events', { 'http://schemas.openid.net/event/backchannel-logout': {} });
      token.set('jti', randomUUID());
      return token.issue({ use: 'logout' });
    },
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
