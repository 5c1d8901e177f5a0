import type { Role } from './roles.ts';

/**
 * Who acts. Every command and policy takes one:
 * - `user`: a signed-in person (a session cookie), or a script with one of their API tokens,
 *   which caps what it may do at the token's role (`cap`);
 * - `local-admin`: the CLI on the server's own data folder, which can read the database file
 *   anyway and so acts as an owner everywhere;
 * - `anonymous`: no session or token; may only see whether the instance is set up and sign in.
 */
export type Actor =
  | { kind: 'user'; userId: string; name: string; email: string; cap: Role; via: 'session' | 'token' }
  | { kind: 'local-admin'; name: string }
  | { kind: 'anonymous' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return actor.name || actor.email;
  if (actor.kind === 'local-admin') return actor.name;
  return 'anonymous';
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
