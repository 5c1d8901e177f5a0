import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../httpErrors.ts';
import { journeyIdParams } from '../journeys/schema.ts';
import type { LinkViewerStreams } from './sharing.ts';

const positionBody = z.object({
  /** The step on screen, 0-based across the map; -1 is the overview before the first step. */
  stepIndex: z.number().int().min(-1).max(10_000),
});
type Position = z.infer<typeof positionBody> & { at: number };

/**
 * Where the presenter of a journey is, so the room's screens follow: the last position per
 * journey, and the streams that follow it. Kept in this process (the scale-out issue moves it).
 */
export class PresentationFeed {
  private readonly positions = new Map<string, Position>();
  private readonly followers = new Map<string, Set<(position: Position) => void>>();

  move(journeyId: string, stepIndex: number): Position {
    const position = { stepIndex, at: Date.now() };
    this.positions.set(journeyId, position);
    for (const follower of this.followers.get(journeyId) ?? []) follower(position);
    return position;
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

function stream(request: FastifyRequest, reply: FastifyReply, feed: PresentationFeed, journeyId: string, onEnd?: (end: () => void) => () => void): void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  response.write(': following\n\n');
  const heartbeat = setInterval(() => response.write(': ping\n\n'), 25_000);
  const unfollow = feed.follow(journeyId, (position) => response.write(`event: position\ndata: ${JSON.stringify(position)}\n\n`));
  let stopEnd = () => {};
  const close = () => {
    clearInterval(heartbeat);
    unfollow();
    stopEnd();
  };
  if (onEnd) {
    stopEnd = onEnd(() => {
      response.end('event: revoked\ndata: {}\n\n');
      close();
    });
  }
  request.raw.on('close', close);
}

/** Presentation mode's follow-me: the presenter posts where they are, the room's screens stream it. */
export const presentationRoutes: FastifyPluginAsyncZod<{ feed: PresentationFeed; viewers: LinkViewerStreams }> = async (app, { feed, viewers }) => {
  app.post('/journeys/:id/presentation', { schema: { tags: ['sharing'], summary: 'Move the presentation of a journey: the screens that follow it go along', params: journeyIdParams, body: positionBody } }, async (request) =>
    feed.move(request.params.id, request.body.stepIndex),
  );
  app.get('/journeys/:id/presentation/events', { schema: { tags: ['sharing'], summary: 'Server-sent events: `position` whenever the presenter moves', params: journeyIdParams } }, async (request, reply) => {
    stream(request, reply, feed, request.params.id);
  });
  app.post('/shared/presentation', { schema: { tags: ['sharing'], summary: 'Move the presentation of the shared journey', body: positionBody } }, async (request) => {
    if (!request.viewer) throw new HttpError(401, 'open the share link first');
    return feed.move(request.viewer.journeyId, request.body.stepIndex);
  });
  app.get('/shared/presentation/events', { schema: { tags: ['sharing'], summary: 'Server-sent events: the presenter of the shared journey moves' } }, async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) throw new HttpError(401, 'open the share link first');
    stream(request, reply, feed, viewer.journeyId, (end) => viewers.add(viewer.linkId, end));
  });
};
