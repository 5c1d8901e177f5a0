import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccessError, auditCsv, CLIENT_IP_HEADER, createAccount, createOwner, ownerMissing, PASSWORD_RESET_TTL_SECONDS, type Actor } from '@klantreis/core';
import type { JourneyStore } from '@klantreis/db';
import { toHeaders } from '../../access/actorResolver.ts';
import type { AccessContext } from '../../access/accessContext.ts';
import { HttpError } from '../../httpErrors.ts';
import type { Mail, Mailer } from '../../mail/mailer.ts';
import {
  auditAnswer,
  auditQuery,
  createdToken,
  invitationBody,
  invitationCreated,
  invitationInfo,
  invitationJoined,
  inboxAnswer,
  invitationParams,
  markReadBody,
  meSchema,
  memberList,
  memberParams,
  newAccountSchema,
  profilePatch,
  roleBody,
  setupBody,
  setupStatus,
  tokenBody,
  tokenList,
  tokenParams,
  workspaceBody,
  workspaceInfoSchema,
  workspaceParams,
} from '@klantreis/core/contracts';

export interface AccountRoutesOptions {
  context: AccessContext;
  store: JourneyStore;
  /** The secret of the first-start link, printed by the server while there is no owner. */
  setupToken: () => string | null;
  /** Sends invitation and password-reset links by mail too, when configured. */
  mailer: Mailer | null;
}

function userOf(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new HttpError(403, 'only a signed-in person can do this');
  return actor;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The public address of this request, for links (invitations) and for better-auth. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

/** Hands a request to better-auth (a fetch handler) and its answer back to Fastify. */
async function forwardToAuth(context: AccessContext, request: FastifyRequest, reply: FastifyReply, path: string, body?: unknown): Promise<Response> {
  const headers = toHeaders(request.headers);
  headers.delete('content-length');
  headers.set(CLIENT_IP_HEADER, request.ip);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await context.auth.handler(
    new Request(new URL(path, originOf(request)), { method: body === undefined ? request.method : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
  reply.code(response.status);
  for (const [name, value] of response.headers) if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  return response;
}

export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesOptions> = async (app, { context, store, setupToken, mailer }) => {
  const { access, audit } = context;

  /** Mails a link when Klantreis sends mail: where it went, or why it could not. */
  async function mailLink(mail: Mail): Promise<{ mailedTo?: string; mailProblem?: string }> {
    if (!mailer) return {};
    try {
      await mailer.send(mail);
      return { mailedTo: mail.to };
    } catch (error) {
      console.warn(`mail: could not send a ${mail.kind} link to ${mail.to}: ${(error as Error).message}`);
      return { mailProblem: (error as Error).message.slice(0, 300) };
    }
  }

  /** Signs the new account in: its session cookie goes out with this answer. */
  async function signIn(request: FastifyRequest, reply: FastifyReply, email: string, password: string): Promise<void> {
    const response = await forwardToAuth(context, request, reply, '/api/auth/sign-in/email', { email, password });
    if (!response.ok) throw new HttpError(response.status, 'the account was made but signing in failed: sign in yourself');
  }

  /** A wrong password for an account is audited in each of its workspaces (nothing for an unknown e-mail). */
  async function recordFailedSignIn(email: string): Promise<void> {
    const user = await access.findUserByEmail(email.slice(0, 254));
    if (user) for (const w of await access.workspacesOf(user.id)) await audit.record({ kind: 'anonymous' }, 'account.sign-in-failed', { type: 'account', id: user.id, workspaceId: w.id }, { email: user.email });
  }

  // better-auth: sign in, sign out, sessions, password change. Accounts are only made by the
  // first-start setup and by invitations, never by anyone who finds the sign-up endpoint.
  app.route({
    method: ['GET', 'POST'],
    url: '/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, originOf(request));
      if (url.pathname.startsWith('/api/auth/sign-up')) return reply.code(403).send({ error: 'accounts are made by invitation: ask an owner of your workspace' });
      // Sessions that end take their sockets with them (the other tabs reconnect, or cannot).
      const ending = ['/api/auth/sign-out', '/api/auth/revoke-sessions', '/api/auth/revoke-other-sessions', '/api/auth/change-password'].includes(url.pathname);
      const endingUser = ending ? await context.auth.api.getSession({ headers: toHeaders(request.headers) }).catch(() => null) : null;
      const response = await forwardToAuth(context, request, reply, url.pathname + url.search, request.method === 'POST' ? (request.body ?? {}) : undefined);
      if (url.pathname === '/api/auth/sign-in/email' && response.status === 401) {
        await recordFailedSignIn(String((request.body as { email?: unknown } | undefined)?.email ?? ''));
      }
      if (endingUser && response.ok) context.disconnectUser(endingUser.user.id);
      return reply.send(Buffer.from(await response.arrayBuffer()));
    },
  });

  app.get('/setup', { schema: { tags: ['accounts'], summary: 'Whether the first start still asks for the owner account', response: { 200: setupStatus } } }, async () => ({
    ownerNeeded: await ownerMissing(access),
  }));

  app.post(
    '/setup',
    { schema: { tags: ['accounts'], summary: 'Create the owner account with the link the server printed at its first start', body: setupBody, response: { 201: meSchema } } },
    async (request, reply) => {
      const expected = setupToken();
      if (expected === null) throw new HttpError(409, 'this Klantreis has its owner already: sign in');
      if (!sameSecret(request.body.token, expected)) throw new HttpError(403, "the setup link is not this server's: open the link the server printed when it started");
      const { userId, workspaceId } = await createOwner(store, context.auth, access, request.body);
      const actor: Actor = { kind: 'user', userId, name: request.body.name, email: request.body.email, cap: 'owner', via: 'session' };
      await audit.record(actor, 'account.created', { type: 'account', id: userId, workspaceId }, { role: 'owner' });
      await signIn(request, reply, request.body.email, request.body.password);
      return reply.code(201).send({ user: { id: userId, name: request.body.name, email: request.body.email, image: null, language: null }, via: 'session', cap: 'owner', workspaces: await access.workspacesOf(userId) });
    },
  );

  app.get('/me', { schema: { tags: ['accounts'], summary: 'Who is signed in, and their workspaces and roles', response: { 200: meSchema } } }, async (request) => {
    const actor = userOf(request.actor);
    const user = await access.getUser(actor.userId);
    if (!user) throw new HttpError(401, 'sign in first');
    return { user, via: actor.via, cap: actor.cap, workspaces: await access.workspacesOf(actor.userId) };
  });

  app.patch('/me', { schema: { tags: ['accounts'], summary: 'Change your name, avatar or UI language', body: profilePatch } }, async (request, reply) => {
    const actor = userOf(request.actor);
    const patch: { name?: string; image?: string | null; language?: string | null } = {};
    if (request.body.name !== undefined) patch.name = request.body.name;
    if (request.body.image !== undefined) patch.image = request.body.image;
    if (request.body.language !== undefined) patch.language = request.body.language;
    if (Object.keys(patch).length === 0) throw new HttpError(400, 'nothing to change: send name, image or language');
    await store.db.updateTable('auth_user').set(patch).where('id', '=', actor.userId).execute();
    // Their sockets carry the name their comments are written under: they reconnect with the new one.
    if (patch.name !== undefined && patch.name !== actor.name) context.disconnectUser(actor.userId);
    return reply.code(204).send();
  });

  app.get('/me/tokens', { schema: { tags: ['accounts'], summary: 'Your API tokens (never their secrets)', response: { 200: tokenList } } }, async (request) =>
    access.tokensOf(userOf(request.actor).userId),
  );

  app.post('/me/tokens', { schema: { tags: ['accounts'], summary: 'Make an API token for scripts and the CLI; its secret is shown once', body: tokenBody, response: { 201: createdToken } } }, async (request, reply) => {
    const actor = userOf(request.actor);
    // A token cannot make a token stronger than itself.
    if (actor.via === 'token') throw new HttpError(403, 'sign in with your password to make a token');
    const made = await access.createToken(actor.userId, request.body.name, request.body.role);
    for (const w of await access.workspacesOf(actor.userId)) await audit.record(actor, 'token.created', { type: 'token', id: made.id, workspaceId: w.id }, { name: request.body.name, role: request.body.role });
    return reply.code(201).send(made);
  });

  app.delete('/me/tokens/:tokenId', { schema: { tags: ['accounts'], summary: 'Revoke one of your API tokens', params: tokenParams } }, async (request, reply) => {
    const actor = userOf(request.actor);
    if (!(await access.revokeToken(actor.userId, request.params.tokenId))) throw new HttpError(404, `no token ${request.params.tokenId}`);
    context.disconnectUser(actor.userId);
    for (const w of await access.workspacesOf(actor.userId)) await audit.record(actor, 'token.revoked', { type: 'token', id: request.params.tokenId, workspaceId: w.id });
    return reply.code(204).send();
  });

  app.get('/me/notifications', { schema: { tags: ['accounts'], summary: 'Your inbox: mentions and approval requests, newest first, and how many are unread', response: { 200: inboxAnswer } } }, async (request) =>
    context.inbox.list(userOf(request.actor).userId),
  );

  app.post('/me/notifications/read', { schema: { tags: ['accounts'], summary: 'Mark inbox entries read (all of them without ids)', body: markReadBody } }, async (request, reply) => {
    await context.inbox.markRead(userOf(request.actor).userId, request.body.ids);
    return reply.code(204).send();
  });

  app.get('/invitations/:token', { schema: { tags: ['accounts'], summary: 'What an invitation link offers', params: invitationParams, response: { 200: invitationInfo } } }, async (request) => {
    const found = await access.invitation(request.params.token);
    if (!found) throw new HttpError(404, 'this invitation link is not known, was used already or has expired: ask for a new one');
    return found;
  });

  app.post('/invitations/:token/accept', { schema: { tags: ['accounts'], summary: 'Join by an invitation link, signed in', params: invitationParams, response: { 200: invitationJoined } } }, async (request) => {
    const actor = userOf(request.actor);
    const joined = await context.atomically(async ({ access, audit }) => {
      const joined = await access.acceptInvitation(request.params.token, actor.userId);
      await audit.record(actor, 'invitation.accepted', { type: joined.journeyId ? 'journey' : 'workspace', id: joined.journeyId ?? joined.workspaceId, workspaceId: joined.workspaceId }, { role: joined.role });
      return joined;
    });
    context.disconnectUser(actor.userId);
    return joined;
  });

  app.post(
    '/invitations/:token/account',
    { schema: { tags: ['accounts'], summary: 'Make an account by an invitation link and join', params: invitationParams, body: newAccountSchema, response: { 201: invitationJoined } } },
    async (request, reply) => {
      if (!(await access.invitation(request.params.token))) throw new HttpError(404, 'this invitation link is not known, was used already or has expired: ask for a new one');
      let userId: string;
      let made = true;
      try {
        userId = await createAccount(context.auth, request.body);
      } catch (error) {
        if (!(error instanceof AccessError && error.status === 409)) throw error;
        // An account with this e-mail exists. With its password it is the person's own (a first
        // try that stopped after the account was made, or one made meanwhile): it joins with it.
        const existing = await access.findUserByEmail(request.body.email);
        const signedIn = existing ? await forwardToAuth(context, request, reply, '/api/auth/sign-in/email', { email: request.body.email, password: request.body.password }) : null;
        if (signedIn?.status === 401) await recordFailedSignIn(request.body.email);
        if (!existing || !signedIn?.ok) {
          throw new HttpError(409, `an account with ${request.body.email} exists: sign in with it, then open the invitation link again to join`, [{ path: 'body.email', message: 'an account with this e-mail exists' }]);
        }
        userId = existing.id;
        made = false;
      }
      const name = made ? request.body.name : ((await access.getUser(userId))?.name ?? request.body.name);
      const actor: Actor = { kind: 'user', userId, name, email: request.body.email, cap: 'owner', via: 'session' };
      const joined = await context.atomically(async ({ access, audit }) => {
        const joined = await access.acceptInvitation(request.params.token, userId);
        if (made) await audit.record(actor, 'account.created', { type: 'account', id: userId, workspaceId: joined.workspaceId }, { role: joined.role, journeyId: joined.journeyId });
        else await audit.record(actor, 'invitation.accepted', { type: joined.journeyId ? 'journey' : 'workspace', id: joined.journeyId ?? joined.workspaceId, workspaceId: joined.workspaceId }, { role: joined.role });
        return joined;
      });
      // An account that joined has sockets and streams open perhaps: they take the new role.
      if (!made) context.disconnectUser(userId);
      if (made) await signIn(request, reply, request.body.email, request.body.password);
      return reply.code(201).send(joined);
    },
  );

  app.post('/workspaces', { schema: { tags: ['workspaces'], summary: 'Start a workspace; you are its owner', body: workspaceBody, response: { 201: workspaceInfoSchema } } }, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'user') throw new HttpError(403, 'a workspace is owned by a person: sign in to start one');
    const id = await context.atomically(async ({ access, audit }) => {
      const id = await access.createWorkspace(request.body.name, actor.userId);
      await audit.record(actor, 'workspace.created', { type: 'workspace', id, workspaceId: id }, { name: request.body.name });
      return id;
    });
    return reply.code(201).send({ id, name: request.body.name, role: 'owner' as const });
  });

  app.patch('/workspaces/:workspaceId', { schema: { tags: ['workspaces'], summary: 'Rename a workspace', params: workspaceParams, body: workspaceBody } }, async (request, reply) => {
    const { workspaceId } = request.params;
    await context.atomically(async ({ access, audit }) => {
      if (!(await access.renameWorkspace(workspaceId, request.body.name))) throw new HttpError(404, `no workspace ${workspaceId}`);
      await audit.record(request.actor, 'workspace.renamed', { type: 'workspace', id: workspaceId, workspaceId }, { name: request.body.name });
    });
    return reply.code(204).send();
  });

  app.get('/workspaces/:workspaceId/members', { schema: { tags: ['workspaces'], summary: 'The members and their roles', params: workspaceParams, response: { 200: memberList } } }, async (request) =>
    access.members(request.params.workspaceId),
  );

  app.put('/workspaces/:workspaceId/members/:userId', { schema: { tags: ['workspaces'], summary: "Set a member's role", params: memberParams, body: roleBody } }, async (request, reply) => {
    const { workspaceId, userId } = request.params;
    if (!(await access.getUser(userId))) throw new HttpError(404, `no account ${userId}`);
    await context.atomically(async ({ access, audit }) => {
      const before = await access.setMemberRole(workspaceId, userId, request.body.role);
      await audit.record(request.actor, 'member.role-changed', { type: 'account', id: userId, workspaceId }, { from: before, to: request.body.role });
    });
    context.disconnectUser(userId);
    return reply.code(204).send();
  });

  app.delete('/workspaces/:workspaceId/members/:userId', { schema: { tags: ['workspaces'], summary: 'Remove a member', params: memberParams } }, async (request, reply) => {
    const { workspaceId, userId } = request.params;
    await context.atomically(async ({ access, audit }) => {
      const before = await access.removeMember(workspaceId, userId);
      if (before === null) throw new HttpError(404, `${userId} is not a member`);
      await audit.record(request.actor, 'member.removed', { type: 'account', id: userId, workspaceId }, { role: before });
    });
    context.disconnectUser(userId);
    return reply.code(204).send();
  });

  app.post(
    '/workspaces/:workspaceId/members/:userId/password-reset',
    { schema: { tags: ['workspaces'], summary: "A link that sets a member's new password (no mail needed: hand it on); valid 24 hours, once", params: memberParams, response: { 201: invitationCreated } } },
    async (request, reply) => {
      const { workspaceId, userId } = request.params;
      if ((await access.roleInWorkspace(userId, workspaceId)) === null) throw new HttpError(404, `${userId} is not a member`);
      const user = await access.getUser(userId);
      if (!user) throw new HttpError(404, `no account ${userId}`);
      const token = await context.passwordResetToken(user.email, user.id);
      await audit.record(request.actor, 'account.password-reset-link', { type: 'account', id: userId, workspaceId }, { email: user.email });
      const path = `/reset-password?token=${encodeURIComponent(token)}`;
      const url = `${originOf(request)}${path}`;
      const mailed = await mailLink({ to: user.email, kind: 'password-reset', language: user.language ?? 'nl', path });
      return reply.code(201).send({ url, expiresAt: Date.now() + PASSWORD_RESET_TTL_SECONDS * 1000, ...mailed });
    },
  );

  app.post(
    '/workspaces/:workspaceId/invitations',
    { schema: { tags: ['workspaces'], summary: 'An invitation link to the workspace, or to one journey, with a role', params: workspaceParams, body: invitationBody, response: { 201: invitationCreated } } },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const journeyId = request.body.journeyId ?? null;
      if (journeyId !== null && (await access.workspaceOfJourney(journeyId)) !== workspaceId) throw new HttpError(404, `no journey ${journeyId} in this workspace`);
      const actor = userOf(request.actor);
      const made = await access.createInvitation({ workspaceId, journeyId, role: request.body.role, createdBy: actor.userId });
      await audit.record(actor, 'invitation.created', { type: journeyId ? 'journey' : 'workspace', id: journeyId ?? workspaceId, workspaceId }, { role: request.body.role, invitationId: made.id, email: request.body.email ?? null });
      const path = `/invite/${made.token}`;
      const url = `${originOf(request)}${path}`;
      const email = request.body.email;
      if (!email) return reply.code(201).send({ url, expiresAt: made.expiresAt });
      // In the invited person's language when they have an account, else the inviter's.
      const invited = await access.findUserByEmail(email);
      const language = (invited && (await access.getUser(invited.id))?.language) ?? (await access.getUser(actor.userId))?.language ?? 'nl';
      const about = journeyId ? ((await store.getJourney(journeyId))?.title ?? undefined) : (await access.workspacesOf(actor.userId)).find((w) => w.id === workspaceId)?.name;
      if (mailer && !mailer.mayInvite(actor.userId)) return reply.code(201).send({ url, expiresAt: made.expiresAt, mailProblem: 'too many invitation mails in the last hour: send the link yourself' });
      const mailed = await mailLink({ to: email, kind: 'invitation', language, path, by: actor.name, about });
      return reply.code(201).send({ url, expiresAt: made.expiresAt, ...mailed });
    },
  );

  app.get('/workspaces/:workspaceId/audit', { schema: { tags: ['workspaces'], summary: 'The audit log, newest first, as JSON or CSV', params: workspaceParams, querystring: auditQuery, response: { 200: auditAnswer } } }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const events = await audit.list({ workspaceId: request.params.workspaceId, ...filter });
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="klantreis-audit.csv"').send(auditCsv(events));
    return events;
  });
};
