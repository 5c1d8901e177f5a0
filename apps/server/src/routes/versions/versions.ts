import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compareJourneys, journeyDocumentSchema, parseJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import type { VersionStore } from '@klantreis/db';
import { replaceJourneyContent } from '@klantreis/sync';
import { latestApproved, requestState } from '../../commands/approvalStatus.ts';
import type { JourneyDocuments } from '../../commands/journeyDocuments.ts';
import { actorName, allow } from '@klantreis/core';
import { auditJourney, type AccessContext } from '../../access/accessContext.ts';
import { HttpError } from '../../httpErrors.ts';
import {
  approvalRequest,
  approvalRequestBody,
  approvalStatus,
  compareQuery,
  comparison,
  createVersionBody,
  decisionBody,
  journeyIdParams,
  requestParams,
  restoreBody,
  restored,
  versionInfo,
  versionList,
  versionParams,
  type ApprovalStatus,
} from '@klantreis/core/contracts';

export interface VersionRoutesOptions {
  context: AccessContext;
  versions: VersionStore;
  documents: JourneyDocuments;
}

/** Named and automatic versions, compare, restore, and approval rounds, under /api/journeys/:id. */
export const versionRoutes: FastifyPluginAsyncZod<VersionRoutesOptions> = async (app, { context, versions, documents }) => {
  async function versionDocument(journeyId: string, versionId: string): Promise<JourneyDocument> {
    if (versionId === 'current') return documents.read(journeyId);
    const version = await versions.getVersion(journeyId, versionId);
    if (!version) throw new HttpError(404, `journey ${journeyId} has no version ${versionId}`);
    // A version stored by an older Klantreis is migrated like an imported file.
    const parsed = parseJourneyDocument(version.document);
    if (!parsed.ok) throw new HttpError(500, `version ${versionId} cannot be read: ${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`);
    return parsed.document;
  }

  /** A saved version's info; `current` is the journey as it is now, which has none. */
  async function savedVersion(journeyId: string, versionId: string, field: string) {
    if (versionId === 'current') {
      throw new HttpError(400, '`current` is the journey as it is now, not a saved version: save it as a version first', [{ path: field, message: 'must be the id of a saved version' }]);
    }
    await versionDocument(journeyId, versionId);
    const info = (await versions.listVersions(journeyId)).find((v) => v.id === versionId);
    if (!info) throw new HttpError(404, `journey ${journeyId} has no version ${versionId}`);
    return info;
  }

  app.get('/:id/versions', { schema: { tags: ['versions'], summary: 'The versions of a journey, newest first', params: journeyIdParams, response: { 200: versionList } } }, async (request) => {
    await documents.read(request.params.id);
    return versions.listVersions(request.params.id);
  });

  app.post(
    '/:id/versions',
    { schema: { tags: ['versions'], summary: 'Save the journey as it is now as a named version ("as-is", "to-be 2027")', params: journeyIdParams, body: createVersionBody, response: { 201: versionInfo } } },
    async (request, reply) => {
      const document = await documents.read(request.params.id);
      // The version is signed by who saves it, not by a name in the body (kept for older clients, not believed).
      const version = await versions.createVersion({ journeyId: request.params.id, name: request.body.name, kind: 'named', author: actorName(request.actor), document });
      return reply.code(201).send(version);
    },
  );

  app.get('/:id/versions/:versionId', { schema: { tags: ['versions'], summary: 'A version in the open JSON format', params: versionParams, response: { 200: journeyDocumentSchema } } }, async (request) =>
    versionDocument(request.params.id, request.params.versionId),
  );

  app.get('/:id/compare', { schema: { tags: ['versions'], summary: 'What changed between two versions (or a version and `current`)', params: journeyIdParams, querystring: compareQuery, response: { 200: comparison } } }, async (request) => {
    const [before, after] = await Promise.all([versionDocument(request.params.id, request.query.from), versionDocument(request.params.id, request.query.to)]);
    return compareJourneys(before, after);
  });

  app.post(
    '/:id/versions/:versionId/restore',
    { schema: { tags: ['versions'], summary: 'Restore a version as the new current state; the state before is kept as a version', params: versionParams, body: restoreBody, response: { 200: restored } } },
    async (request) => {
      const { id, versionId } = request.params;
      const info = await savedVersion(id, versionId, 'params.versionId');
      const target = await versionDocument(id, versionId);
      // The name stays what older clients and scripts read; the version put back is kept by its id,
      // so the list names it in the reader's language (and an automatic one by its time).
      const backup = await versions.createVersion({
        journeyId: id,
        name: `before restoring: ${info.name}`,
        kind: 'before-restore',
        author: actorName(request.actor),
        document: await documents.read(id),
        restoredVersionId: versionId,
      });
      await documents.edit(id, (doc) => replaceJourneyContent(doc, target));
      await auditJourney(context, request.actor, 'version.restored', id, { versionId, name: info.name, backupVersionId: backup.id });
      return { restored: versionId, backupVersionId: backup.id };
    },
  );

  app.post(
    '/:id/approvals',
    { schema: { tags: ['approval'], summary: 'Ask chosen people to approve a version', params: journeyIdParams, body: approvalRequestBody, response: { 201: approvalRequest } } },
    async (request, reply) => {
      await savedVersion(request.params.id, request.body.versionId, 'body.versionId');
      // Approvers are accounts with a role that may decide: a typed name no longer approves.
      const people = await context.access.peopleOnJourney(request.params.id);
      const approvers = request.body.approvers.map((given, i) => {
        const wanted = given.trim().toLowerCase();
        const byEmail = people.filter((p) => p.email === wanted);
        const matches = byEmail.length > 0 ? byEmail : people.filter((p) => p.name.trim().toLowerCase() === wanted);
        if (matches.length !== 1) {
          const why = matches.length === 0 ? 'is nobody with a role on this journey' : 'is the name of more than one person: give the e-mail address';
          throw new HttpError(400, `approver "${given}" ${why}`, [{ path: `body.approvers.${i}`, message: why }]);
        }
        const person = matches[0]!;
        if (!allow({ kind: 'user', userId: person.userId, name: person.name, email: person.email, cap: 'owner', via: 'session' }, 'journey.approve', person.role)) {
          throw new HttpError(400, `approver "${given}" is a ${person.role} and may not decide`, [{ path: `body.approvers.${i}`, message: 'may not decide' }]);
        }
        return person.email;
      });
      const created = await versions.requestApproval({ journeyId: request.params.id, ...request.body, requestedBy: actorName(request.actor), approvers: [...new Set(approvers)] });
      const asked = (await context.access.peopleOnJourney(request.params.id)).filter((p) => created.approvers.includes(p.email)).map((p) => p.userId);
      await context.inbox.notify(asked, { journeyId: request.params.id, kind: 'approval-request', actorName: actorName(request.actor), recordId: created.id, excerpt: request.body.message });
      await auditJourney(context, request.actor, 'approval.requested', request.params.id, { requestId: created.id, versionId: request.body.versionId, approvers: request.body.approvers });
      return reply.code(201).send({ ...created, state: requestState(created) });
    },
  );

  app.post(
    '/:id/approvals/:requestId/decisions',
    { schema: { tags: ['approval'], summary: 'Approve, or ask for changes with a comment', params: requestParams, body: decisionBody, response: { 201: approvalRequest } } },
    async (request, reply) => {
      const approval = (await versions.listApprovalRequests(request.params.id)).find((r) => r.id === request.params.requestId);
      if (!approval) throw new HttpError(404, `no approval request ${request.params.requestId} on journey ${request.params.id}`);
      // The decision is signed by the account that makes it.
      const actor = request.actor;
      if (actor.kind !== 'user' || !approval.approvers.includes(actor.email)) {
        throw new HttpError(403, `${actorName(actor)} was not asked to approve this version (asked: ${approval.approvers.join(', ')})`);
      }
      await versions.decide(approval.id, { approver: actor.email, decision: request.body.decision, comment: request.body.comment });
      await auditJourney(context, actor, 'approval.decided', request.params.id, { requestId: approval.id, approver: actor.email, decision: request.body.decision });
      const updated = (await versions.listApprovalRequests(request.params.id)).find((r) => r.id === approval.id)!;
      return reply.code(201).send({ ...updated, state: requestState(updated) });
    },
  );

  app.get('/:id/approval', { schema: { tags: ['approval'], summary: 'The approval rounds, the approved version, and whether the map changed since', params: journeyIdParams, response: { 200: approvalStatus } } }, async (request) => {
    const current = await documents.read(request.params.id);
    const requests = await versions.listApprovalRequests(request.params.id);
    const approved = latestApproved(requests);
    let approvedVersion: ApprovalStatus['approvedVersion'] = null;
    if (approved) {
      const info = await savedVersion(request.params.id, approved.versionId, 'versionId');
      const approvedDocument = await versionDocument(request.params.id, approved.versionId);
      approvedVersion = {
        versionId: approved.versionId,
        name: info.name,
        kind: info.kind,
        createdAt: info.createdAt,
        restored: info.restored,
        approvedAt: Math.max(...approved.decisions.map((d) => d.createdAt)),
        changedSince: !compareJourneys(approvedDocument, current).unchanged,
      };
    }
    // Approvers are stored by e-mail address; their names as they are now, for display.
    const names = Object.fromEntries((await context.access.peopleOnJourney(request.params.id)).map((p) => [p.email, p.name]));
    return { requests: requests.map((r) => ({ ...r, state: requestState(r) })), approvedVersion, names };
  });
};
