import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Which Host and Origin headers the server answers:
 * - with KLANTREIS_PUBLIC_URL set, its host (and those in KLANTREIS_ALLOWED_HOSTS);
 * - without it, `localhost` and addresses written as IP numbers. A DNS-rebinding page reaches
 *   the server under its own domain name, which is then refused.
 */
export class HostPolicy {
  private readonly publicOrigin: string | null;
  private readonly hosts: Set<string>;

  constructor(options: { publicUrl?: string; allowedHosts?: readonly string[] } = {}) {
    this.publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
    this.hosts = new Set((options.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
    if (options.publicUrl) this.hosts.add(new URL(options.publicUrl).host.toLowerCase());
  }

  /** Answers this host too: a process's own internal address, which the others call it at. */
  alsoAllow(host: string): void {
    this.hosts.add(host.toLowerCase());
  }

  /** The host part of a Host header (without its port), or null when it cannot be one. */
  private static hostName(host: string): string {
    const bracketed = /^\[([^\]]+)\](:\d+)?$/.exec(host);
    if (bracketed) return bracketed[1]!;
    return host.replace(/:\d+$/, '');
  }

  allowsHost(host: string | undefined): boolean {
    if (!host) return false;
    const lower = host.toLowerCase();
    if (this.hosts.has(lower) || this.hosts.has(HostPolicy.hostName(lower))) return true;
    if (this.publicOrigin !== null) return false;
    const name = HostPolicy.hostName(lower);
    return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0;
  }

  /** Whether a browser's Origin header is this server's own address. */
  allowsOrigin(origin: string | undefined, host: string | undefined): boolean {
    if (!origin || origin === 'null') return false;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (this.publicOrigin !== null && parsed.origin === this.publicOrigin) return true;
    // Without a public URL the page's origin is the Host it asked for, which allowsHost checked.
    return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase() && this.allowsHost(parsed.host);
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The Content Security Policy of the web app: nothing from elsewhere, never in a frame. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** Swagger UI (/api/docs) starts itself with an inline script. */
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** The one route a foreign page may post to (the IdP's answer, HTTP-POST binding). */
const SAML_ANSWER_ROUTE = '/api/sso/saml/acs';

/**
 * A state-changing request with a session cookie must come from a page of this server: its
 * Origin is ours (or, from a browser that sends none, Sec-Fetch-Site says same-origin). A
 * request with an API token carries no cookie a foreign page could borrow and is not checked.
 */
export function crossSiteRefusal(request: FastifyRequest, policy: HostPolicy): string | null {
  if (!UNSAFE_METHODS.has(request.method)) return null;
  // The SAML IdP's answer is a form its own page posts here: it comes from another site by
  // design, and its signature and the request it answers are what it is checked by (samlSignIn.ts).
  if (request.routeOptions.url === SAML_ANSWER_ROUTE) return null;
  if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return null;
  const origin = request.headers.origin;
  if (origin !== undefined) return policy.allowsOrigin(origin, request.headers.host) ? null : `a request from another site (${origin.slice(0, 100)}) is refused`;
  if (request.headers['sec-fetch-site'] === 'same-origin') return null;
  if (!request.headers.cookie) return null; // no session to borrow: what follows refuses it as signed-out
  return 'a request with a session cookie must say where it comes from (Origin)';
}

export function registerWebHardening(app: FastifyInstance, policy: HostPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!policy.allowsHost(request.headers.host)) {
      return reply.code(421).send({ error: `this server does not answer to the host ${String(request.headers.host).slice(0, 100)}: set KLANTREIS_PUBLIC_URL` });
    }
    const refusal = crossSiteRefusal(request, policy);
    if (refusal !== null) return reply.code(403).send({ error: refusal });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', request.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    return payload;
  });
}
