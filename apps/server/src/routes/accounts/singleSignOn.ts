// Single sign-on's routes outside better-auth: the OpenID Connect IdP's back-channel logout
// (apps/server/src/access/backchannelLogout.ts says what it checks), and the SAML answer
// address and metadata (packages/core/src/accounts/samlSignIn.ts says what it checks).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { backchannelLogoutBody, OIDC_PROVIDER_ID, SamlAnswerError, samlAnswerBody, samlFailurePath, type OidcSettings, type SamlSignIns } from '@klantreis/core';
import type { AccessContext } from '../../access/accessContext.ts';
import { BackchannelLogout, LogoutTokenError } from '../../access/backchannelLogout.ts';
import { HttpError } from '../../httpErrors.ts';

export interface SingleSignOnRoutesOptions {
  context: AccessContext;
  oidc: OidcSettings | undefined;
  saml: SamlSignIns | undefined;
}

/** A logout token is a few kilobytes at most. */
const MAX_LOGOUT_FORM_BYTES = 16 * 1024;
/** A SAML answer with its certificate and a few hundred groups: some tens of kilobytes. */
const MAX_SAML_FORM_BYTES = 256 * 1024;

export const singleSignOnRoutes: FastifyPluginAsyncZod<SingleSignOnRoutesOptions> = async (app, { context, oidc, saml }) => {
  const logout = oidc ? new BackchannelLogout(oidc) : null;
  // The IdP posts a form (the specification's encoding), here only; each route sets its size limit.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post(
    '/saml/acs',
    { bodyLimit: MAX_SAML_FORM_BYTES, schema: { tags: ['accounts'], summary: "The SAML IdP's answer (HTTP-POST binding): the browser goes on to finish its sign-in", body: samlAnswerBody } },
    async (request, reply) => {
      if (!saml) throw new HttpError(404, 'SAML single sign-on is not set up here (KLANTREIS_SAML_ENTRY_POINT)');
      try {
        const code = await saml.receive(request.body);
        return reply.header('cache-control', 'no-store').redirect(`/api/auth/saml/finish?code=${encodeURIComponent(code)}`, 303);
      } catch (error) {
        if (!(error instanceof SamlAnswerError)) throw error;
        console.warn(`SAML: an answer was refused (${error.code}): ${error.message}`);
        // The sign-in page names the kind of refusal (a fixed word, never text from the request):
        // what an administrator setting up the IdP needs first; the server's log has the rest.
        return reply.header('cache-control', 'no-store').redirect(samlFailurePath('saml_refused', error.code), 303);
      }
    },
  );

  app.get('/saml/metadata', { schema: { tags: ['accounts'], summary: "This server's SAML service provider metadata, for the IdP's administrator" } }, async (_request, reply) => {
    if (!saml) throw new HttpError(404, 'SAML single sign-on is not set up here (KLANTREIS_SAML_ENTRY_POINT)');
    return reply.type('application/samlmetadata+xml; charset=utf-8').send(saml.metadata());
  });

  app.post(
    '/backchannel-logout',
    { bodyLimit: MAX_LOGOUT_FORM_BYTES, schema: { tags: ['accounts'], summary: "The IdP's back-channel logout: every session of the person it names ends", body: backchannelLogoutBody } },
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
