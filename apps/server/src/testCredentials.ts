// The owner account every test server and test server process starts with, and the API tokens
// their test clients use: tests act as a real signed-in person, through the real checks.

export const TEST_OWNER = { email: 'owner@klantreis.test', password: 'owner-password-1', name: 'Olga Owner' } as const;

/** The environment that makes a server process create the test owner at its first start. */
export const TEST_OWNER_ENV = { KLANTREIS_ADMIN_EMAIL: TEST_OWNER.email, KLANTREIS_ADMIN_PASSWORD: TEST_OWNER.password, KLANTREIS_ADMIN_NAME: TEST_OWNER.name };

const tokens = new Map<string, string>();
const sessions = new Map<string, string>();

function originOf(url: string): string {
  return new URL(url).origin;
}

/** Remembers the token a test server's clients use (buildEditorClient, connectEditor). */
export function rememberToken(url: string, token: string): void {
  tokens.set(originOf(url), token);
}

/** Remembers the owner's session cookie (`name=value`) on a test server, for browser contexts. */
export function rememberSession(url: string, cookie: string): void {
  sessions.set(originOf(url), cookie);
}

/** The owner's session cookies of every test server started, as a browser context takes them. */
export function sessionCookies(): { name: string; value: string; url: string }[] {
  return [...sessions].map(([url, cookie]) => {
    const [name, ...value] = cookie.split('=');
    return { name: name!, value: value.join('='), url };
  });
}

export function tokenFor(url: string): string {
  const token = tokens.get(originOf(url));
  if (token === undefined) throw new Error(`no test token for ${url}: start it with buildTestServer or startServerProcess`);
  return token;
}

/** Signs in by e-mail and password as a browser would; returns the session cookie. */
export async function signIn(url: string, account: { email: string; password: string } = TEST_OWNER): Promise<string> {
  const response = await fetch(`${originOf(url)}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(url) },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${account.email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0]!;
}

/** Signs in and makes an API token of `role` (an owner's by default), as a script would. */
export async function createToken(url: string, account: { email: string; password: string } = TEST_OWNER, role = 'owner'): Promise<string> {
  const cookie = await signIn(url, account);
  const response = await fetch(`${originOf(url)}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(url), cookie },
    body: JSON.stringify({ name: 'tests', role }),
  });
  if (response.status !== 201) throw new Error(`making a token failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** fetch with the test token of the server `url` belongs to. */
export function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${tokenFor(url)}`);
  return fetch(url, { ...init, headers });
}
