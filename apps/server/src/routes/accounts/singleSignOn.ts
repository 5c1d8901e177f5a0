// Single sign-on's server-to-server route: the IdP's back-channel logout
// (apps/server/src/access/backchannelLogout.ts says what it checks).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backchannelLogoutBody, OIDC_PROVIDER_ID, type OidcSettings } from '@klantreis/core';
import type { AccessContext } from '../../access/accessContext.ts';
import { BackchannelLogout, LogoutTokenError } from '../../access/backchannelLogout.ts';
import { HttpError } from '../../httpErrors.ts';

export interface SingleSignOnRoutesOptions {
  context: AccessContext;
  oidc: OidcSettings | undefined;
}

/** A logout token is a few kilobytes at most. */
const MAX_FORM_BYTES = 16 * 1024;

export const singleSignOnRoutes: FastifyPluginAsyncZod<SingleSignOnRoutesOptions> = async (app, { context, oidc }) => {
  const logout = oidc ? new BackchannelLogout(oidc) : null;
  // The IdP posts a form (the specification's encoding), here only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post(
    '/backchannel-logout',
    { schema: { tags: ['accounts'], summary: "The IdP's back-channel logout: every session of the person it names ends", body: backchannelLogoutBody } },
    async (request, reply) => {
      if (!logout) throw new HttpError(404, 'single sign-on is not set up here (KLANTREIS_OIDC_ISSUER)');
      let subject: string;
      let jti: string;
      try {
        ({ subject, jti } = await logout.subjectOf(request.body.logout_token));
      } catch (error) {
        if (error instanceof LogoutTokenError) throw new HttpError(400, error.message, [{ path: 'body.logout_token', message: error.message }]);
        throw new HttpError(503, `the IdP's keys cannot be read now: ${(error as Error).message}`);
      }
      const owner = await (await context.auth.$context).internalAdapter.findAccountOwnerByKey({ providerId: OIDC_PROVIDER_ID, accountId: subject });
      // Nobody here signed in as that person: nothing to end, and the IdP is told it is done.
      if (owner?.kind !== 'owned') {
        logout.used(jti);
        return reply.code(200).header('cache-control', 'no-store').send();
      }
      const userId = owner.user.id;
      await (await context.auth.$context).internalAdapter.deleteUserSessions(userId);
      context.disconnectUser(userId);
      logout.used(jti);
      for (const w of await context.access.workspacesOf(userId)) {
        await context.audit.record({ kind: 'local-admin', name: 'single sign-on' }, 'account.signed-out-by-idp', { type: 'account', id: userId, workspaceId: w.id }, { issuer: oidc!.issuer });
      }
      return reply.code(200).header('cache-control', 'no-store').send();
    },
  );
};
