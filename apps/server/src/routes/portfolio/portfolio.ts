import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { allow, effectiveRole, strongest, type Role } from '@klantreis/core';
import type { OpportunitiesResponse, PortfolioResponse, SavedPortfolioView } from '@klantreis/core/contracts';
import type { PortfolioView } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import { updateJourney } from '@klantreis/sync';
import { journeyPortfolio, opportunityPortfolio, type PortfolioQuery } from '../../commands/journeyPortfolio.ts';
import type { JourneyRollupCache } from '../../commands/journeyRollupCache.ts';
import { opportunitiesCsv, opportunitiesFileName } from '../../commands/opportunitiesCsv.ts';
import type { JourneyDocuments } from '../../commands/journeyDocuments.ts';
import { auditJourney, type AccessContext } from '../../access/accessContext.ts';
import { HttpError } from '../../httpErrors.ts';
import { contentDisposition } from '../journeys/exportSupport.ts';
import {
  journeyIdParams,
  opportunitiesAnswer,
  opportunitiesQuery,
  portfolioFields,
  portfolioPatch,
  portfolioResponse,
  savedView,
  savedViewList,
  saveViewBody,
  viewParams,
  workspaceQuery,
} from '@klantreis/core/contracts';

// The journey portfolio, the opportunity portfolio and the saved views of a workspace, and the
// portfolio fields of one journey (owner, status, kind, tags). The workspace comes in the query,
// so these routes are `signed-in` in the policy table and check the workspace here: a
// workspace the caller has no role in (and no journey shared from) answers 404, like a journey.

export interface PortfolioRoutesOptions {
  context: AccessContext;
  cache: JourneyRollupCache;
  documents: JourneyDocuments;
}

interface CallerScope extends PortfolioQuery {
  /** The caller's role in the workspace itself (null when they only see journeys shared with them). */
  workspaceRole: Role | null;
}

function viewAnswer(view: PortfolioView): SavedPortfolioView {
  return {
    id: view.id,
    workspaceId: view.workspaceId,
    name: view.name,
    state: JSON.parse(view.definition) as unknown,
    createdBy: { id: view.createdBy, name: view.createdByName },
    createdAt: view.createdAt,
  };
}

function portfolioFieldsOf(id: string, document: JourneyDocument, ownerName: string | undefined) {
  const { journey } = document;
  return {
    id,
    kind: journey.kind,
    status: journey.status,
    owner: ownerName === undefined || journey.ownerId === null ? { id: null, name: journey.owner } : { id: journey.ownerId, name: ownerName },
    tags: journey.tags,
  };
}

export const portfolioRoutes: FastifyPluginAsyncZod<PortfolioRoutesOptions> = async (app, { context, cache, documents }) => {
  const { access } = context;
  const noWorkspace = (id: string) => new HttpError(404, `no workspace ${id.slice(0, 100)}`);

  /** Which workspace the caller asks about, and their role on each of its journeys. */
  async function callerScope(request: FastifyRequest, requested: string | undefined): Promise<CallerScope> {
    const actor = request.actor;
    const firstWorkspaceId = await cache.portfolio.firstWorkspaceId();
    if (actor.kind === 'local-admin') {
      const workspaceId = requested ?? firstWorkspaceId;
      if (workspaceId === null || !(await cache.portfolio.workspaceExists(workspaceId))) throw noWorkspace(workspaceId ?? '');
      return { workspaceId, isFirstWorkspace: workspaceId === firstWorkspaceId, roleOf: () => 'owner', workspaceRole: 'owner' };
    }
    if (actor.kind !== 'user') throw new HttpError(401, 'sign in first');
    const scope = await access.journeyScope(actor.userId);
    // By default the person's first workspace; someone who only has journeys shared with them
    // sees the workspace of the first of those.
    const sharedFrom = scope.journeyIds[0] === undefined ? undefined : ((await access.workspaceOfJourney(scope.journeyIds[0])) ?? undefined);
    const workspaceId = requested ?? scope.workspaceIds[0] ?? sharedFrom;
    if (workspaceId === undefined) throw new HttpError(404, 'you are not a member of any workspace and no journey is shared with you');
    const workspaceRole = scope.workspaceRoles[workspaceId] ?? null;
    if (workspaceRole === null && scope.journeyIds.length === 0) throw noWorkspace(workspaceId);
    return {
      workspaceId,
      isFirstWorkspace: workspaceId === firstWorkspaceId,
      roleOf: (journeyId) => effectiveRole(actor, strongest(workspaceRole, scope.journeyRoles[journeyId] ?? null)),
      workspaceRole,
    };
  }

  /** The caller's role in the workspace, refused with 404 without one and 403 when it is too weak for `action`. */
  async function requireWorkspaceRole(request: FastifyRequest, workspaceId: string, action: 'workspace.read' | 'workspace.create'): Promise<void> {
    const actor = request.actor;
    const grant = actor.kind === 'user' ? await access.roleInWorkspace(actor.userId, workspaceId) : (await cache.portfolio.workspaceExists(workspaceId)) ? 'owner' : null;
    if (grant === null) throw noWorkspace(workspaceId);
    if (!allow(actor, action, grant)) throw new HttpError(403, `your role (${effectiveRole(actor, grant) ?? 'none'}) may not ${action === 'workspace.read' ? 'see' : 'save or delete'} the views of this workspace`);
  }

  app.get(
    '/portfolio',
    { schema: { tags: ['portfolio'], summary: 'Every journey of a workspace you may see, with owner, status, scores, measurement, XLA, findings and health', querystring: workspaceQuery, response: { 200: portfolioResponse } } },
    async (request): Promise<PortfolioResponse> => {
      const scope = await callerScope(request, request.query.workspace);
      const portfolio = await journeyPortfolio(cache, scope);
      if (scope.workspaceRole === null && portfolio.journeys.length === 0) throw noWorkspace(scope.workspaceId);
      return portfolio;
    },
  );

  app.get(
    '/portfolio/opportunities',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The improvement actions of every journey you may see, and their open critical and warning findings no action covers; ?format=csv for a spreadsheet',
        querystring: opportunitiesQuery,
        response: { 200: opportunitiesAnswer },
      },
    },
    async (request, reply) => {
      const scope = await callerScope(request, request.query.workspace);
      const answer: OpportunitiesResponse = await opportunityPortfolio(cache, scope);
      if (scope.workspaceRole === null && answer.opportunities.length === 0) throw noWorkspace(scope.workspaceId);
      if (request.query.format === 'json') return answer;
      const { lang } = request.query;
      return reply
        .header('content-disposition', contentDisposition(opportunitiesFileName(lang)))
        .type('text/csv; charset=utf-8')
        .send(opportunitiesCsv(answer.opportunities, lang));
    },
  );

  app.get(
    '/portfolio/views',
    { schema: { tags: ['portfolio'], summary: 'The saved views of a workspace', querystring: workspaceQuery, response: { 200: savedViewList } } },
    async (request): Promise<SavedPortfolioView[]> => {
      const workspaceId = request.query.workspace ?? (await callerScope(request, undefined)).workspaceId;
      await requireWorkspaceRole(request, workspaceId, 'workspace.read');
      return (await cache.portfolio.listViews(workspaceId)).map(viewAnswer);
    },
  );

  app.post(
    '/portfolio/views',
    { schema: { tags: ['portfolio'], summary: 'Save a named view (filter, sort, group) for the workspace; a view of the same name is replaced', body: saveViewBody, response: { 201: savedView } } },
    async (request, reply) => {
      const { workspaceId, name, state } = request.body;
      await requireWorkspaceRole(request, workspaceId, 'workspace.create');
      const actor = request.actor;
      const view = await cache.portfolio.saveView({
        workspaceId,
        name,
        definition: JSON.stringify(state),
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdByName: actor.kind === 'user' ? actor.name || actor.email : actor.kind === 'local-admin' ? actor.name : '',
      });
      await context.audit.record(actor, 'portfolio-view.saved', { type: 'portfolio-view', id: view.id, workspaceId }, { name });
      return reply.code(201).send(viewAnswer(view));
    },
  );

  app.delete('/portfolio/views/:viewId', { schema: { tags: ['portfolio'], summary: 'Delete a saved view', params: viewParams } }, async (request, reply) => {
    const view = await cache.portfolio.getView(request.params.viewId);
    const notFound = new HttpError(404, `no view ${request.params.viewId.slice(0, 64)}`);
    if (!view) throw notFound;
    // A view of a workspace the caller is not in is not told to exist.
    await requireWorkspaceRole(request, view.workspaceId, 'workspace.read').catch(() => {
      throw notFound;
    });
    await requireWorkspaceRole(request, view.workspaceId, 'workspace.create');
    await cache.portfolio.deleteView(view.workspaceId, view.id);
    await context.audit.record(request.actor, 'portfolio-view.deleted', { type: 'portfolio-view', id: view.id, workspaceId: view.workspaceId }, { name: view.name });
    return reply.code(204).send();
  });

  app.patch(
    '/journeys/:id/portfolio',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Change a journey’s owner (a member of its workspace), status, kind or tags; written through its live document',
        params: journeyIdParams,
        body: portfolioPatch,
        response: { 200: portfolioFields },
      },
    },
    async (request) => {
      const { id } = request.params;
      const patch = request.body;
      if (patch.ownerId !== undefined && patch.ownerId !== null) {
        const workspaceId = await access.workspaceOfJourney(id);
        if (!workspaceId || (await access.roleInWorkspace(patch.ownerId, workspaceId)) === null) {
          throw new HttpError(400, 'the owner must be a member of the journey’s workspace', [{ path: 'body.ownerId', message: 'is not a member of this workspace' }]);
        }
      }
      const before = await documents.read(id);
      await documents.edit(id, (doc) => updateJourney(doc, patch));
      const after = await documents.read(id);
      const changes = Object.fromEntries(Object.keys(patch).map((field) => [field, { from: before.journey[field as keyof typeof patch], to: after.journey[field as keyof typeof patch] }]));
      await auditJourney(context, request.actor, 'journey.portfolio-changed', id, changes);
      const ownerName = after.journey.ownerId === null ? undefined : (await cache.portfolio.userNames([after.journey.ownerId])).get(after.journey.ownerId);
      return portfolioFieldsOf(id, after, ownerName);
    },
  );
};
