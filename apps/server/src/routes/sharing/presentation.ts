import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HttpError } from '../../httpErrors.ts';
import { journeyIdParams, position, positionBody, type Position } from '@klantreis/core/contracts';
import type { EventStreams } from './eventStreams.ts';
import type { LinkViewerStreams } from './sharing.ts';

export type { Position };

/**
 * Where the presenter of a journey is, so the room's screens follow: the last position per
 * journey, and the streams that follow it. With several processes the moves go through Redis
 * (`relay`, ClusterBus), as the presenter and the screens may reach different processes.
 */
export class PresentationFeed {
  private readonly positions = new Map<string, Position>();
  private readonly followers = new Map<string, Set<(position: Position) => void>>();

  /** With several processes: tells the others where a presenter moved (their screens follow too). */
  relay: ((journeyId: string, position: Position) => void) | null = null;

  move(journeyId: string, stepIndex: number): Position {
    const position = { stepIndex, at: Date.now() };
    this.arrive(journeyId, position);
    this.relay?.(journeyId, position);
    return position;
  }

  /** A move, made here or told by another process: the screens following it here go along. */
  arrive(journeyId: string, position: Position): void {
    const current = this.positions.get(journeyId);
    if (current && current.at > position.at) return;
    this.positions.set(journeyId, position);
    for (const follower of this.followers.get(journeyId) ?? []) follower(position);
  }

  follow(journeyId: string, follower: (position: Position) => void): () => void {
    const set = this.followers.get(journeyId) ?? new Set();
    set.add(follower);
    this.followers.set(journeyId, set);
    const current = this.positions.get(journeyId);
    if (current) follower(current);
    return () => {
      set.delete(follower);
      if (set.size === 0) this.followers.delete(journeyId);
    };
  }
}

/** Presentation mode's follow-me: the presenter posts where they are, the room's screens stream it. */
export const presentationRoutes: FastifyPluginAsyncZod<{ feed: PresentationFeed; viewers: LinkViewerStreams; streams: EventStreams }> = async (app, { feed, viewers, streams }) => {
  const follow = (request: FastifyRequest, reply: FastifyReply, journeyId: string) => {
    const stream = streams.start(request, reply);
    stream.onEnd(feed.follow(journeyId, (position) => stream.send('position', position)));
    return stream;
  };
  app.post('/journeys/:id/presentation', { schema: { tags: ['sharing'], summary: 'Move the presentation of a journey: the screens that follow it go along', params: journeyIdParams, body: positionBody, response: { 200: position } } }, async (request) =>
    feed.move(request.params.id, request.body.stepIndex),
  );
  app.get('/journeys/:id/presentation/events', { schema: { tags: ['sharing'], summary: 'Server-sent events: `position` whenever the presenter moves', params: journeyIdParams } }, async (request, reply) => {
    follow(request, reply, request.params.id);
  });
  app.post('/shared/presentation', { schema: { tags: ['sharing'], summary: 'Move the presentation of the shared journey', body: positionBody, response: { 200: position } } }, async (request) => {
    if (!request.viewer) throw new HttpError(401, 'open the share link first');
    return feed.move(request.viewer.journeyId, request.body.stepIndex);
  });
  app.get('/shared/presentation/events', { schema: { tags: ['sharing'], summary: 'Server-sent events: the presenter of the shared journey moves' } }, async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) throw new HttpError(401, 'open the share link first');
    const stream = follow(request, reply, viewer.journeyId);
    stream.onEnd(viewers.add(viewer.linkId, () => stream.end('revoked')));
  });
};
