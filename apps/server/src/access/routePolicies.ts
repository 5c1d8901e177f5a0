import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allow, ANONYMOUS, effectiveRole, type AccessStore, type Action, type Actor, type LinkViewer, type Role, type ShareLinks } from '@klantreis/core';
import { toHeaders, type ActorResolver } from './actorResolver.ts';

/**
 * Who may call a route:
 * - `public`: anyone (health, the web app's files, sign-in, first-start setup);
 * - `signed-in`: any signed-in person; the handler narrows what they see (their own tokens,
 *   the journeys visible to them) or checks a workspace it reads from the body;
 * - `journey`: `action` on the journey named by the `:id` parameter;
 * - `workspace`: `action` in the workspace named by `:workspaceId`;
 * - `creator`: someone who may create journeys (`workspace.create`) in at least one workspace;
 *   the handler picks which (the one asked for, checked again there);
 * - `link`: someone who opened a share link (the viewer cookie): only the shared journey, read-only.
 *   These routes are the only ones a link's viewer reaches; everywhere else they are nobody.
 */
export type RoutePolicy =
  | { access: 'public' }
  | { access: 'signed-in' }
  | { access: 'creator' }
  | { access: 'journey'; action: Action }
  | { access: 'workspace'; action: Action }
  | { access: 'link' };

const PUBLIC: RoutePolicy = { access: 'public' };
const SIGNED_IN: RoutePolicy = { access: 'signed-in' };
const CREATOR: RoutePolicy = { access: 'creator' };
const LINK: RoutePolicy = { access: 'link' };
const journey = (action: Action): RoutePolicy => ({ access: 'journey', action });
const workspace = (action: Action): RoutePolicy => ({ access: 'workspace', action });

/**
 * Every route and its policy, by `METHOD /path` as registered. A route missing here stops the
 * server at start, and the authorization matrix test reads this table to try every cell.
 */
export const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/health': PUBLIC,
  'GET /api/health/': PUBLIC,
  'GET /api/health/live': PUBLIC,
  // Signed with the cluster secret (internalUpdates.ts) and refused by the proxy from outside.
  'POST /internal/journeys/:id/updates': PUBLIC,
  'GET /api/setup': PUBLIC,
  'GET /api/auth-providers': PUBLIC,
  'POST /api/setup': PUBLIC,
  // Called by the IdP, server to server; the signed logout token is the credential.
  'POST /api/sso/backchannel-logout': PUBLIC,
  // The IdP's SAML answer, posted by the browser from the IdP's page: its signature and the
  // request it answers are the credential (samlSignIn.ts), so no Origin of ours is asked.
  'POST /api/sso/saml/acs': PUBLIC,
  // What the IdP's administrator registers: this server's entity id and answer address.
  'GET /api/sso/saml/metadata': PUBLIC,
  'GET /api/auth/*': PUBLIC,
  'POST /api/auth/*': PUBLIC,
  'GET /api/me': SIGNED_IN,
  'PATCH /api/me': SIGNED_IN,
  'GET /api/me/notifications': SIGNED_IN,
  'POST /api/me/notifications/read': SIGNED_IN,
  'GET /api/me/tokens': SIGNED_IN,
  'POST /api/me/tokens': SIGNED_IN,
  'DELETE /api/me/tokens/:tokenId': SIGNED_IN,
  'POST /api/invitations/:token/accept': SIGNED_IN,
  'GET /api/invitations/:token': PUBLIC,
  'POST /api/invitations/:token/account': PUBLIC,
  // Whoever may create journeys somewhere may start a workspace of their own, and owns it.
  'POST /api/workspaces': CREATOR,
  'PATCH /api/workspaces/:workspaceId': workspace('workspace.manage'),
  'GET /api/workspaces/:workspaceId/members': workspace('workspace.read'),
  'PUT /api/workspaces/:workspaceId/members/:userId': workspace('workspace.manage'),
  'DELETE /api/workspaces/:workspaceId/members/:userId': workspace('workspace.manage'),
  'POST /api/workspaces/:workspaceId/invitations': workspace('workspace.manage'),
  'POST /api/workspaces/:workspaceId/members/:userId/password-reset': workspace('workspace.manage'),
  'GET /api/workspaces/:workspaceId/audit': workspace('workspace.manage'),
  'GET /api/templates': SIGNED_IN,
  'GET /api/templates/': SIGNED_IN,
  'GET /api/journeys': SIGNED_IN,
  'GET /api/journeys/': SIGNED_IN,
  'POST /api/journeys': CREATOR,
  'POST /api/journeys/import': CREATOR,
  'GET /api/journeys/:id': journey('journey.read'),
  'GET /api/journeys/:id/export': journey('journey.read'),
  'GET /api/journeys/:id/state': journey('journey.read'),
  'PATCH /api/journeys/:id': journey('journey.edit'),
  'DELETE /api/journeys/:id': journey('journey.manage'),
  'POST /api/journeys/:id/restore': journey('journey.manage'),
  'POST /api/journeys/:id/duplicate': journey('journey.read'),
  'GET /api/journeys/:id/access': journey('journey.read'),
  'GET /api/journeys/:id/members': journey('journey.read'),
  'GET /api/journeys/:id/people': journey('journey.read'),
  'POST /api/journeys/:id/members': journey('journey.manage'),
  'POST /api/journeys/:id/phases': journey('journey.edit'),
  'POST /api/journeys/:id/steps': journey('journey.edit'),
  'PUT /api/journeys/:id/cells': journey('journey.edit'),
  'PATCH /api/journeys/:id/records/:recordId': journey('journey.edit'),
  'POST /api/journeys/:id/records/:recordId/move': journey('journey.edit'),
  'DELETE /api/journeys/:id/records/:recordId': journey('journey.edit'),
  'GET /api/journeys/:id/evaluation': journey('journey.read'),
  'GET /api/journeys/:id/experience': journey('journey.read'),
  'GET /api/journeys/:id/experience/events': journey('journey.read'),
  'GET /api/journeys/:id/linkable': journey('journey.read'),
  'GET /api/journeys/:id/versions': journey('journey.read'),
  'POST /api/journeys/:id/versions': journey('journey.edit'),
  'GET /api/journeys/:id/versions/:versionId': journey('journey.read'),
  'GET /api/journeys/:id/compare': journey('journey.read'),
  'POST /api/journeys/:id/versions/:versionId/restore': journey('journey.edit'),
  'POST /api/journeys/:id/approvals': journey('journey.edit'),
  'POST /api/journeys/:id/approvals/:requestId/decisions': journey('journey.approve'),
  'GET /api/journeys/:id/approval': journey('journey.read'),
  'POST /api/journeys/:id/uploads': journey('journey.edit'),
  'GET /api/journeys/:id/uploads/:uploadId': journey('journey.edit'),
  'POST /api/journeys/:id/uploads/:uploadId/check': journey('journey.edit'),
  'POST /api/journeys/:id/uploads/:uploadId/commit': journey('journey.edit'),
  'DELETE /api/journeys/:id/uploads/:uploadId': journey('journey.edit'),
  'POST /api/journeys/:id/imports': journey('journey.edit'),
  'GET /api/journeys/:id/imports': journey('journey.read'),
  'DELETE /api/journeys/:id/imports/:importId': journey('journey.edit'),
  'GET /api/journeys/:id/metrics': journey('journey.read'),
  'POST /api/journeys/:id/kano': journey('journey.read'),
  'POST /api/journeys/:id/indicators': journey('journey.edit'),
  'PATCH /api/journeys/:id/indicators/:indicatorId': journey('journey.edit'),
  'DELETE /api/journeys/:id/indicators/:indicatorId': journey('journey.edit'),
  'GET /api/journeys/:id/links': journey('journey.manage'),
  'POST /api/journeys/:id/links': journey('journey.manage'),
  'DELETE /api/journeys/:id/links/:linkId': journey('journey.manage'),
  'GET /api/workspaces/:workspaceId/links': workspace('workspace.manage'),
  'GET /api/portfolio': SIGNED_IN,
  'GET /api/portfolio/opportunities': SIGNED_IN,
  'GET /api/portfolio/views': SIGNED_IN,
  'POST /api/portfolio/views': SIGNED_IN,
  'DELETE /api/portfolio/views/:viewId': SIGNED_IN,
  'PATCH /api/journeys/:id/portfolio': journey('journey.edit'),
  'POST /api/shared/open': PUBLIC,
  'GET /api/shared/journey': LINK,
  'GET /api/shared/events': LINK,
  'GET /api/shared/export': LINK,
  'POST /api/journeys/:id/presentation': journey('journey.read'),
  'GET /api/journeys/:id/presentation/events': journey('journey.read'),
  'POST /api/shared/presentation': LINK,
  'GET /api/shared/presentation/events': LINK,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/': PUBLIC,
  'GET /api/docs/static/*': PUBLIC,
  'GET /api/docs/json': PUBLIC,
  'GET /api/docs/yaml': PUBLIC,
  'GET /api/docs/static/index.html': PUBLIC,
  'GET /api/docs/static/swagger-initializer.js': PUBLIC,
};

export function policyKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

/**
 * The policy of a route: the table's, or PUBLIC for the web app's own files (every GET outside
 * /api: index.html and its assets, which hold no data); undefined for any other route.
 */
export function policyOf(key: string): RoutePolicy | undefined {
  const [method, url = ''] = key.split(' ');
  return ROUTE_POLICIES[key] ?? (method === 'GET' && !url.startsWith('/api') ? PUBLIC : undefined);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request (set before any handler runs). */
    actor: Actor;
    /** The actor's role on the route's journey or workspace, after a token's cap; null on other routes. */
    role: Role | null;
    /** On `link` routes: the share link's viewer. */
    viewer: LinkViewer | null;
  }
}

/** The viewer cookie a share link sets (routes/sharing). */
export const VIEWER_COOKIE = 'kr_viewer';

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function refuse(reply: FastifyReply, actor: Actor, status: 401 | 403 | 404, what: string): FastifyReply {
  if (actor.kind === 'anonymous') return reply.code(401).send({ error: 'sign in first' });
  return reply.code(status).send({ error: what });
}

/**
 * Resolves the actor of every request and applies the route's policy before its body is read.
 * A journey or workspace the actor has no role in answers 404, so its existence is not told.
 */
/** Routes only a process of several has (docs/deploy.md): not missing from one alone. */
export const CLUSTER_ONLY = new Set(['POST /internal/journeys/:id/updates']);

/** `apiServed`: false in a process without the `api` service, which registers few of the routes. */
export function registerRoutePolicies(app: FastifyInstance, resolver: ActorResolver, access: AccessStore, links: ShareLinks, apiServed = true): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('role', null);
  app.decorateRequest('viewer', null);
  const registered = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) registered.add(policyKey(method, route.url ?? route.path));
  });
  // The table and the routes must agree both ways: a route without a policy, or a policy
  // whose route is gone (renamed), stops the start.
  app.addHook('onReady', async () => {
    const missing = [...registered].filter((key) => policyOf(key) === undefined);
    const stale = apiServed ? Object.keys(ROUTE_POLICIES).filter((key) => !registered.has(key) && !CLUSTER_ONLY.has(key)) : [];
    if (missing.length > 0) throw new Error(`routes without a policy (add them to apps/server/src/access/routePolicies.ts): ${missing.join(', ')}`);
    if (stale.length > 0) throw new Error(`policies of routes that do not exist (apps/server/src/access/routePolicies.ts): ${stale.join(', ')}`);
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url;
    // No route (a 404, or the web app's index.html for a client-side path) reads no data.
    const policy = url === undefined ? PUBLIC : policyOf(policyKey(request.method, url));
    if (policy === undefined) return reply.code(500).send({ error: 'this route has no access policy' });
    if (policy.access === 'public') {
      request.actor = ANONYMOUS;
      return;
    }
    if (policy.access === 'link') {
      request.actor = ANONYMOUS;
      const token = cookieValue(request.headers.cookie, VIEWER_COOKIE);
      request.viewer = token ? ((await links.viewer(token)) ?? null) : null;
      if (!request.viewer) return reply.code(401).send({ error: 'open the share link first (it may have been revoked or have expired)' });
      return;
    }
    request.actor = await resolver.resolve(toHeaders(request.headers));
    if (request.actor.kind === 'anonymous') return reply.code(401).send({ error: 'sign in first' });
    if (policy.access === 'signed-in') return;
    if (policy.access === 'creator') {
      if (request.actor.kind !== 'user') return;
      const actor = request.actor;
      const workspaces = await access.workspacesOf(actor.userId);
      if (!workspaces.some((w) => allow(actor, 'workspace.create', w.role))) return reply.code(403).send({ error: 'your role may not create journeys in any workspace' });
      return;
    }
    const params = request.params as Record<string, string | undefined>;
    if (policy.access === 'journey') {
      const journeyId = params.id ?? '';
      const grant = request.actor.kind === 'user' ? await access.roleOnJourney(request.actor.userId, journeyId) : 'owner';
      if (grant === null) return refuse(reply, request.actor, 404, `no journey with id ${journeyId.slice(0, 100)}`);
      request.role = effectiveRole(request.actor, grant);
      if (!allow(request.actor, policy.action, grant)) return refuse(reply, request.actor, 403, `your role (${request.role ?? 'none'}) may not ${policy.action} on this journey`);
      return;
    }
    const workspaceId = params.workspaceId ?? '';
    const grant = request.actor.kind === 'user' ? await access.roleInWorkspace(request.actor.userId, workspaceId) : 'owner';
    if (grant === null) return refuse(reply, request.actor, 404, `no workspace ${workspaceId.slice(0, 100)}`);
    request.role = effectiveRole(request.actor, grant);
    if (!allow(request.actor, policy.action, grant)) return refuse(reply, request.actor, 403, `your role (${request.role ?? 'none'}) may not ${policy.action} in this workspace`);
  });
}
