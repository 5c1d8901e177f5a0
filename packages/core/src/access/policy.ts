import type { Actor } from './actor.ts';
import { atLeast, weakest, type Role } from './roles.ts';

/**
 * Every action a person can take, with the weakest role that may take it. This table is the
 * one place that says who may do what: REST routes name an action (routePolicies.ts in the
 * server), the collaboration server asks for `journey.edit` or `journey.comment` by the
 * records an update touches, and the web app hides what `allow` refuses.
 */
export const ACTION_ROLES = {
  /** Read a journey, its versions, measurements and evaluation; follow presence. */
  'journey.read': 'viewer',
  /** Comment and vote. */
  'journey.comment': 'commenter',
  /** Change the map, import data, save versions, ask for approval. */
  'journey.edit': 'editor',
  /** Decide on an approval round one was asked to decide on (the round names the approvers). */
  'journey.approve': 'commenter',
  /** Move to the trash, restore, purge, share with people. */
  'journey.manage': 'owner',
  /** See the workspace and its journeys list. */
  'workspace.read': 'viewer',
  /** Create journeys in the workspace. */
  'workspace.create': 'editor',
  /** Members, roles, invitations, the audit log. */
  'workspace.manage': 'owner',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_ROLES;
export const ACTIONS = Object.keys(ACTION_ROLES) as Action[];

/**
 * Whether `actor`, holding `grant` on the resource (its workspace role or journey share,
 * null when it has none), may take `action`. A token's user acts at most at the token's role.
 */
export function allow(actor: Actor, action: Action, grant: Role | null): boolean {
  if (actor.kind === 'local-admin') return true;
  if (actor.kind === 'anonymous' || grant === null) return false;
  return atLeast(weakest(grant, actor.cap), ACTION_ROLES[action]);
}

/** The role an actor effectively holds, after its token's cap: what the web app shows. */
export function effectiveRole(actor: Actor, grant: Role | null): Role | null {
  if (actor.kind === 'local-admin') return 'owner';
  if (actor.kind === 'anonymous' || grant === null) return null;
  return weakest(grant, actor.cap);
}
