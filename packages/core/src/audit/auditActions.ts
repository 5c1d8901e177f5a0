/** What the audit log records. Kept as one list so the UI can offer it as a filter. */
export const AUDIT_ACTIONS = [
  'account.sign-in',
  'account.sign-in-failed',
  'account.signed-out-by-idp',
  'account.created',
  'account.password-reset-link',
  'workspace.created',
  'workspace.renamed',
  'member.role-changed',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'journey.shared',
  'journey.created',
  'journey.trashed',
  'journey.restored',
  'journey.purged',
  'version.restored',
  'approval.requested',
  'approval.decided',
  'import.committed',
  'import.deleted',
  'journey.exported',
  'token.created',
  'token.revoked',
  'link.created',
  'link.revoked',
  'journey.portfolio-changed',
  'portfolio-view.saved',
  'portfolio-view.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// One entry of the log as the API answers it: the type of its contract (contracts/workspaces.ts).
export type { AuditEvent } from '../contracts/workspaces.ts';
