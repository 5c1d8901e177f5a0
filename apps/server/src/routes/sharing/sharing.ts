import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LinkViewer, ShareLink, ShareLinks } from '@klantreis/core';
import type { JourneyDocument } from '@klantreis/schema';
import { exportFileName, exportJourney, ImageTooLargeError } from '@klantreis/render';
import type { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import type { JourneyDocuments } from '../../commands/journeyDocuments.ts';
import type { ChangeFeed } from '../../collaboration/changeFeed.ts';
import { auditJourney, type AccessContext } from '../../access/accessContext.ts';
import { VIEWER_COOKIE } from '../../access/routePolicies.ts';
import { HttpError } from '../../httpErrors.ts';
import { contentDisposition, exportSlots, measuredSteps } from '../journeys/exportSupport.ts';
import type { EventStreams } from './eventStreams.ts';
import { journeyIdParams, linkParams, newLinkSchema, opened, openBody, sharedExportQuery, sharedJourney, shareLinkList, shareLinkSchema, workspaceLinkList, workspaceParams } from '@klantreis/core/contracts';

export interface SharingRoutesOptions {
  context: AccessContext;
  links: ShareLinks;
  documents: JourneyDocuments;
  analytics: JourneyAnalytics;
  feed: ChangeFeed;
  /** Ends the live views of a revoked link at once. */
  viewers: LinkViewerStreams;
  streams: EventStreams;
}

/** The live streams of link viewers, so revoking a link can end them. */
export class LinkViewerStreams {
  private readonly streams = new Map<string, Set<() => void>>();

  add(linkId: string, end: () => void): () => void {
    const set = this.streams.get(linkId) ?? new Set();
    set.add(end);
    this.streams.set(linkId, set);
    return () => {
      set.delete(end);
      if (set.size === 0) this.streams.delete(linkId);
    };
  }

  /** With several processes: tells the others a link was revoked, so its viewers there are let go too. */
  relay: ((linkId: string) => void) | null = null;

  /** Ends the streams of a revoked link, here and (by `relay`) on the other processes. */
  end(linkId: string): number {
    this.relay?.(linkId);
    return this.endHere(linkId);
  }

  endHere(linkId: string): number {
    const set = this.streams.get(linkId);
    if (!set) return 0;
    this.streams.delete(linkId);
    for (const end of set) end();
    return set.size;
  }
}

/** The journey as a link's viewers may see it: the parts the link does not show are left out here, on the server. */
export function documentForViewer(doc: JourneyDocument, viewer: LinkViewer): JourneyDocument {
  // A lane the map hides is not shown through a link either (not even in its downloads).
  const lanes = viewer.shows.lanes ? doc.lanes.filter((lane) => !lane.hidden) : [];
  const laneIds = new Set<string>(lanes.map((lane) => lane.id));
  return {
    ...doc,
    lanes,
    cells: doc.cells.filter((cell) => laneIds.has(cell.laneId)),
    comments: viewer.shows.comments ? doc.comments : [],
    actions: viewer.shows.evaluation ? doc.actions : [],
    indicators: viewer.shows.measurement ? doc.indicators : [],
    // The workshop's inbox and dot votes belong to the room.
    captures: [],
    votes: [],
  };
}

function linkOut<T extends ShareLink>(link: T, origin: string): T & { url: string } {
  return { ...link, url: `${origin}/s/${link.token}` };
}

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

/** Too many wrong passwords for one link in a minute, from anywhere, and it stops trying. */
class PasswordAttempts {
  private readonly failures = new Map<string, { count: number; since: number }>();
  tooMany(token: string, now = Date.now()): boolean {
    const entry = this.failures.get(token);
    return entry !== undefined && now - entry.since < 60_000 && entry.count >= 10;
  }
  failed(token: string, now = Date.now()): void {
    const entry = this.failures.get(token);
    if (!entry || now - entry.since >= 60_000) this.failures.set(token, { count: 1, since: now });
    else entry.count++;
    if (this.failures.size > 10_000) this.failures.clear();
  }
}

/**
 * Read-only share links: the journey's owner makes, lists and revokes them; the workspace's
 * owners see them all in one list; whoever opens one (with its password) gets a viewer cookie
 * that reaches only the /api/shared routes, and only this journey, with what the link shows.
 */
export const sharingRoutes: FastifyPluginAsyncZod<SharingRoutesOptions> = async (app, { context, links, documents, analytics, feed, viewers, streams }) => {
  const attempts = new PasswordAttempts();

  app.get('/journeys/:id/links', { schema: { tags: ['sharing'], summary: 'The share links of a journey, revoked ones too', params: journeyIdParams, response: { 200: shareLinkList } } }, async (request) =>
    (await links.ofJourney(request.params.id)).map((link) => linkOut(link, originOf(request))),
  );

  app.post(
    '/journeys/:id/links',
    { schema: { tags: ['sharing'], summary: 'Make a read-only link to a journey, with an optional password and expiry', params: journeyIdParams, body: newLinkSchema, response: { 201: shareLinkSchema } } },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new HttpError(403, 'only a person can make a share link');
      await documents.read(request.params.id);
      const workspaceId = (await context.access.workspaceOfJourney(request.params.id)) ?? null;
      let link: ShareLink;
      try {
        link = await links.create(request.params.id, workspaceId, { userId: actor.userId, name: actor.name || actor.email }, request.body);
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(400, error.message);
        throw error;
      }
      await auditJourney(context, actor, 'link.created', request.params.id, { linkId: link.id, password: link.hasPassword, expiresAt: link.expiresAt, shows: link.shows });
      return reply.code(201).send(linkOut(link, originOf(request)));
    },
  );

  app.delete('/journeys/:id/links/:linkId', { schema: { tags: ['sharing'], summary: 'Revoke a share link: its open viewers are shut out at once', params: linkParams } }, async (request, reply) => {
    if (!(await links.revoke(request.params.id, request.params.linkId))) throw new HttpError(404, `no live share link ${request.params.linkId} on this journey`);
    const ended = viewers.end(request.params.linkId);
    await auditJourney(context, request.actor, 'link.revoked', request.params.id, { linkId: request.params.linkId, viewersEnded: ended });
    return reply.code(204).send();
  });

  app.get(
    '/workspaces/:workspaceId/links',
    { schema: { tags: ['sharing'], summary: 'Every share link in the workspace, with its journey, maker and last opening', params: workspaceParams, response: { 200: workspaceLinkList } } },
    async (request) => (await links.ofWorkspace(request.params.workspaceId)).map((link) => linkOut(link, originOf(request))),
  );

  app.post('/shared/open', { schema: { tags: ['sharing'], summary: 'Open a share link (with its password, if it has one): sets the viewer cookie', body: openBody, response: { 200: opened } } }, async (request, reply) => {
    const { token, password } = request.body;
    if (attempts.tooMany(token)) throw new HttpError(429, 'too many wrong passwords for this link; try again in a minute');
    const result = await links.open(token, password);
    if (!result.ok) {
      if (result.reason === 'unknown') throw new HttpError(404, 'this link does not work (any more): ask for a new one');
      if (result.reason === 'wrong-password') attempts.failed(token);
      throw new HttpError(401, result.reason === 'password-required' ? 'this link needs a password' : 'wrong password');
    }
    const secure = request.protocol === 'https' ? '; Secure' : '';
    const maxAge = Math.max(1, Math.floor((result.expiresAt - Date.now()) / 1000));
    void reply.header('set-cookie', `${VIEWER_COOKIE}=${result.viewerToken}; Path=/api/shared; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`);
    return { journeyId: result.viewer.journeyId, shows: result.viewer.shows, expiresAt: result.expiresAt };
  });

  const viewerOf = (request: FastifyRequest): LinkViewer => {
    if (!request.viewer) throw new HttpError(401, 'open the share link first');
    return request.viewer;
  };

  app.get('/shared/journey', { schema: { tags: ['sharing'], summary: 'The shared journey, with the parts the link shows', response: { 200: sharedJourney } } }, async (request) => {
    const viewer = viewerOf(request);
    const document = await documents.read(viewer.journeyId);
    const measured = viewer.shows.measurement ? [...(await measuredSteps(analytics, viewer.journeyId, document, request.log))].map(([stepId, m]) => ({ stepId, score: m.score, events: m.events ?? null })) : [];
    return { document: documentForViewer(document, viewer), shows: viewer.shows, measured };
  });

  app.get('/shared/events', { schema: { tags: ['sharing'], summary: 'Server-sent events: `change` when the shared journey changes, `revoked` when the link ends' } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const stream = streams.start(request, reply);
    stream.onEnd(feed.subscribe(viewer.journeyId, () => stream.send('change', {})));
    stream.onEnd(viewers.add(viewer.linkId, () => stream.end('revoked')));
  });

  app.get('/shared/export', { schema: { tags: ['sharing'], summary: 'The shared map as SVG, PNG or PDF', querystring: sharedExportQuery } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const document = documentForViewer(await documents.read(viewer.journeyId), viewer);
    const measured = viewer.shows.measurement ? await measuredSteps(analytics, viewer.journeyId, document, request.log) : new Map();
    const options = { ...request.query, findings: viewer.shows.evaluation ? request.query.findings : 'false' } as const;
    const file = await exportSlots.run(() => exportJourney(document, options, { measured, findings: viewer.shows.evaluation })).catch((error: unknown) => {
      if (error instanceof ImageTooLargeError) throw new HttpError(400, error.message, [{ path: 'querystring.scale', message: error.message }]);
      throw error;
    });
    return reply.header('content-disposition', contentDisposition(exportFileName(document.journey.title, file.extension))).type(file.contentType).send(file.body);
  });
};
