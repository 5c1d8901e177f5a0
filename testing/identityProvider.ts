// A real OpenID Connect IdP for the single sign-on tests: oidc-provider on 127.0.0.1, with its
// development login form (any password) and a few people with e-mail addresses and groups.
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
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'klantreis';
  const clientSecret = 'klantreis-test-secret-of-enough-length';
  const byLogin = new Map(options.people.map((p) => [p.login, p]));
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
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
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
