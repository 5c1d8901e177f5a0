import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Sends a last event (if any) and closes the stream. */
  end(event?: string): void;
  /** Runs once when the stream ends, whoever ends it. */
  onEnd(cleanup: () => void): void;
}

/**
 * Server-sent event streams (share-link viewers, presentation followers). An open stream keeps
 * its connection busy, and a busy connection keeps the HTTP server from closing: every stream
 * is ended before the server closes.
 */
export class EventStreams {
  private readonly open = new Set<EventStream>();

  constructor(app: FastifyInstance) {
    app.addHook('preClose', async () => {
      for (const stream of [...this.open]) stream.end();
    });
  }

  start(request: FastifyRequest, reply: FastifyReply): EventStream {
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write(': open\n\n');
    // A comment now and then keeps proxies from closing a quiet stream.
    const heartbeat = setInterval(() => response.write(': ping\n\n'), 25_000);
    const cleanups: (() => void)[] = [];
    let ended = false;
    const finish = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      this.open.delete(stream);
      for (const cleanup of cleanups) cleanup();
    };
    const stream: EventStream = {
      send: (event, data) => {
        if (!ended) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      end: (event) => {
        if (ended) return;
        response.end(event ? `event: ${event}\ndata: {}\n\n` : undefined);
        finish();
      },
      onEnd: (cleanup) => cleanups.push(cleanup),
    };
    this.open.add(stream);
    request.raw.on('close', finish);
    return stream;
  }
}
