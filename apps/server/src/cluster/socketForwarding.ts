import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** The header a forwarded upgrade carries, naming the process that forwarded it: the owner never forwards it again. */
export const FORWARDED_HEADER = 'x-klantreis-forwarded-by';

/** The owner's machine must accept the connection within this. */
const OWNER_CONNECT_MS = 1_000;
/** The owner must answer the forwarded upgrade within this, or the editor is let go to reconnect. */
const OWNER_ANSWER_MS = 3_000;

/**
 * Hands an editor's socket upgrade to the process that serves its journey, byte for byte: the
 * request as it came (cookie, Origin, Host, so the owner checks them as if it were reached
 * directly), then a pipe both ways until either side closes. Resolves false, with the client's
 * socket untouched, when nothing listens at `address` (the owner died: the caller serves the
 * journey itself); true once the pipe stands.
 */
export function forwardUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, address: string, forwardedBy: { name: string; address: string }): Promise<boolean> {
  const target = new URL(address);
  // A client that reached this process at its own address (a script, a test, not a browser
  // through the proxy) reaches the owner at the owner's: this process checked the Host already.
  const ownHost = new URL(forwardedBy.address).host;
  return new Promise((resolve) => {
    const upstream = connect({ host: target.hostname, port: Number(target.port || 80) });
    // A machine that is gone answers nothing, not even a refusal: the kernel would try for
    // minutes. The caller serves the journey itself instead.
    const unanswered = setTimeout(() => {
      upstream.destroy();
      resolve(false);
    }, OWNER_CONNECT_MS);
    upstream.once('error', () => {
      clearTimeout(unanswered);
      resolve(false);
    });
    upstream.once('connect', () => {
      clearTimeout(unanswered);
      upstream.removeAllListeners('error');
      const lines = [`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        const name = request.rawHeaders[i]!;
        const lower = name.toLowerCase();
        if (lower === FORWARDED_HEADER) continue;
        if (lower === 'host' && request.rawHeaders[i + 1] === ownHost) {
          lines.push(`Host: ${target.host}`);
          continue;
        }
        lines.push(`${name}: ${request.rawHeaders[i + 1]}`);
      }
      lines.push(`${FORWARDED_HEADER}: ${forwardedBy.name}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      // A paused owner accepts the connection (the kernel does) but never answers.
      const silence = setTimeout(() => {
        upstream.destroy();
        socket.destroy();
      }, OWNER_ANSWER_MS);
      upstream.once('data', () => clearTimeout(silence));
      const end = () => {
        clearTimeout(silence);
        upstream.destroy();
        socket.destroy();
      };
      upstream.on('error', end);
      socket.on('error', end);
      upstream.on('close', end);
      socket.on('close', end);
      upstream.pipe(socket);
      socket.pipe(upstream);
      resolve(true);
    });
  });
}
