import { allow, type AccessStore, type Actor, type AuditAction, type AuditLog, type Auth, type Inbox } from '@klantreis/core';
import { HttpError } from '../httpErrors.ts';

/** What the routes need to know who acts and to write down what they did. */
export interface AccessContext {
  auth: Auth;
  access: AccessStore;
  audit: AuditLog;
  inbox: Inbox;
  /** A password-reset token for an account (better-auth's, valid PASSWORD_RESET_TTL_SECONDS). */
  passwordResetToken(email: string, userId: string): Promise<string>;
  /** Closes the person's collaboration sockets after their access changed (set once the socket server exists). */
  disconnectUser(userId: string): void;
  /**
   * Runs `work` on the access store and the audit log in one transaction: a change of access and
   * its audit event are both kept or neither is (a crash between them left changes nobody could
   * trace, or a share half replaced).
   */
  atomically<T>(work: (scope: { access: AccessStore; audit: AuditLog }) => Promise<T>): Promise<T>;
}

/**
 * The workspace a new journey goes to: the one asked for, or the actor's first in which they
 * may create journeys. Refused (403) when they may create in none.
 */
export async function workspaceForNewJourney(access: AccessStore, actor: Actor, requested?: string): Promise<string | null> {
  if (actor.kind === 'local-admin') return requested ?? (await access.firstWorkspace())?.id ?? null;
  if (actor.kind !== 'user') throw new HttpError(401, 'sign in first');
  const workspaces = await access.workspacesOf(actor.userId);
  const candidates = requested === undefined ? workspaces : workspaces.filter((w) => w.id === requested);
  const allowed = candidates.find((w) => allow(actor, 'workspace.create', w.role));
  if (!allowed) throw new HttpError(403, requested === undefined ? 'your role may not create journeys in any workspace' : `your role may not create journeys in workspace ${requested}`);
  return allowed.id;
}

/** Writes an audit event about a journey, in the journey's workspace. */
export async function auditJourney(context: AccessContext, actor: Actor, action: AuditAction, journeyId: string, detail: Record<string, unknown> = {}): Promise<void> {
  const workspaceId = await context.access.workspaceOfJourney(journeyId);
  await context.audit.record(actor, action, { type: 'journey', id: journeyId, workspaceId: workspaceId ?? null }, detail);
}
