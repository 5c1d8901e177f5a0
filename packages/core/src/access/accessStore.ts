import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@klantreis/db';
import { languageOrNull, type Language } from '@klantreis/schema';
import { strongest, type Role } from './roles.ts';
import type { ApiTokenInfo } from '../contracts/accounts.ts';
import type { WorkspaceInfo } from '../contracts/accounts.ts';
import type { Member } from '../contracts/workspaces.ts';

export type { ApiTokenInfo, Member, WorkspaceInfo };

/** What a person can see in the journeys list: their workspaces, and journeys shared with them. */
export interface JourneyScope {
  workspaceIds: string[];
  journeyIds: string[];
  /** The person's role in each of their workspaces, and on each journey shared with them. */
  workspaceRoles: Record<string, Role>;
  journeyRoles: Record<string, Role>;
  /** Journeys without a workspace belong to the first one (made before any owner existed). */
  firstWorkspaceId: string | null;
}

export class AccessError extends Error {
  readonly status: 400 | 403 | 404 | 409;
  constructor(status: 400 | 403 | 404 | 409, message: string) {
    super(message);
    this.status = status;
  }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newId(): string {
  return randomBytes(12).toString('base64url');
}

export const TOKEN_PREFIX = 'kr_';
/** A last-used time is written at most this often per token, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Workspaces, members, journey shares, invitations and API tokens, on SQLite or PostgreSQL.
 * Secrets (invitation links, tokens) are random and only their SHA-256 is stored.
 */
export class AccessStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /**
   * This store on `trx`: its writes commit or roll back with the caller's other writes (a change
   * and its audit event, AccessContext.atomically).
   */
  within(trx: Kysely<Database>): AccessStore {
    return new AccessStore(trx);
  }

  /** Runs `work` in a transaction: the caller's, when this store is within one, else its own. */
  private atomically<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work);
  }

  async countUsers(): Promise<number> {
    const row = await this.db.selectFrom('auth_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findUserByEmail(email: string): Promise<{ id: string; name: string; email: string } | undefined> {
    return this.db.selectFrom('auth_user').select(['id', 'name', 'email']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  async getUser(userId: string): Promise<{ id: string; name: string; email: string; image: string | null; language: Language | null } | undefined> {
    const user = await this.db.selectFrom('auth_user').select(['id', 'name', 'email', 'image', 'language']).where('id', '=', userId).executeTakeFirst();
    return user && { ...user, language: languageOrNull(user.language) };
  }

  async firstWorkspace(): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('workspaces').select(['id', 'name']).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  }

  /** A new workspace with `ownerId` as its owner; the first one also takes every journey without one. */
  async workspaceById(workspaceId: string): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', workspaceId).executeTakeFirst();
  }

  async createWorkspace(name: string, ownerId: string): Promise<string> {
    const id = newId();
    const now = Date.now();
    await this.atomically(async (trx) => {
      await trx.insertInto('workspaces').values({ id, name, created_at: now }).execute();
      await trx.insertInto('workspace_members').values({ workspace_id: id, user_id: ownerId, role: 'owner', created_at: now }).execute();
    });
    const first = await this.firstWorkspace();
    if (first?.id === id) await this.db.updateTable('journeys').set({ workspace_id: id }).where('workspace_id', 'is', null).execute();
    return id;
  }

  /** Renames a workspace; false when there is none with this id. */
  async renameWorkspace(workspaceId: string, name: string): Promise<boolean> {
    const result = await this.db.updateTable('workspaces').set({ name }).where('id', '=', workspaceId).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async workspacesOf(userId: string): Promise<WorkspaceInfo[]> {
    const rows = await this.db
      .selectFrom('workspace_members')
      .innerJoin('workspaces', 'workspaces.id', 'workspace_members.workspace_id')
      .select(['workspaces.id', 'workspaces.name', 'workspace_members.role'])
      .where('workspace_members.user_id', '=', userId)
      .orderBy('workspaces.created_at')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role }));
  }

  async roleInWorkspace(userId: string, workspaceId: string): Promise<Role | null> {
    const row = await this.db.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row?.role ?? null;
  }

  /** The workspace a journey belongs to, or undefined when there is no such journey. */
  async workspaceOfJourney(journeyId: string): Promise<string | null | undefined> {
    const row = await this.db.selectFrom('journeys').select('workspace_id').where('id', '=', journeyId).executeTakeFirst();
    if (!row) return undefined;
    return row.workspace_id ?? (await this.firstWorkspace())?.id ?? null;
  }

  /** The stronger of the person's workspace role and the journey's share with them; null when neither. */
  async roleOnJourney(userId: string, journeyId: string): Promise<Role | null> {
    const workspaceId = await this.workspaceOfJourney(journeyId);
    if (workspaceId === undefined) return null;
    const [inWorkspace, shared] = await Promise.all([
      workspaceId === null ? null : this.roleInWorkspace(userId, workspaceId),
      this.db.selectFrom('journey_members').select('role').where('journey_id', '=', journeyId).where('user_id', '=', userId).executeTakeFirst(),
    ]);
    return strongest(inWorkspace, shared?.role ?? null);
  }

  async journeyScope(userId: string): Promise<JourneyScope> {
    const [workspaces, shares, first] = await Promise.all([
      this.workspacesOf(userId),
      this.db.selectFrom('journey_members').select(['journey_id', 'role']).where('user_id', '=', userId).execute(),
      this.firstWorkspace(),
    ]);
    return {
      workspaceIds: workspaces.map((w) => w.id),
      journeyIds: shares.map((s) => s.journey_id),
      workspaceRoles: Object.fromEntries(workspaces.map((w) => [w.id, w.role])),
      journeyRoles: Object.fromEntries(shares.map((s) => [s.journey_id, s.role])),
      firstWorkspaceId: first?.id ?? null,
    };
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('workspace_members')
      .innerJoin('auth_user', 'auth_user.id', 'workspace_members.user_id')
      .select(['auth_user.id', 'auth_user.name', 'auth_user.email', 'auth_user.image', 'workspace_members.role'])
      .where('workspace_members.workspace_id', '=', workspaceId)
      .orderBy('auth_user.name')
      .execute();
    return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, image: r.image, role: r.role }));
  }

  async journeyMembers(journeyId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('journey_members')
      .innerJoin('auth_user', 'auth_user.id', 'journey_members.user_id')
      .select(['auth_user.id', 'auth_user.name', 'auth_user.email', 'auth_user.image', 'journey_members.role'])
      .where('journey_members.journey_id', '=', journeyId)
      .orderBy('auth_user.name')
      .execute();
    return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, image: r.image, role: r.role }));
  }

  /** Everyone with a role on a journey (its workspace's members and the people it is shared with), strongest role each. */
  async peopleOnJourney(journeyId: string): Promise<Member[]> {
    const workspaceId = await this.workspaceOfJourney(journeyId);
    const [inWorkspace, shared] = await Promise.all([workspaceId ? this.members(workspaceId) : [], this.journeyMembers(journeyId)]);
    const people = new Map<string, Member>();
    for (const person of [...inWorkspace, ...shared]) {
      const known = people.get(person.userId);
      people.set(person.userId, known ? { ...known, role: strongest(known.role, person.role)! } : person);
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Adds or changes a member. A workspace keeps at least one owner. Returns the previous role. */
  async setMemberRole(workspaceId: string, userId: string, role: Role): Promise<Role | null> {
    return this.atomically(async (trx) => {
      const before = await trx.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
      if (before?.role === 'owner' && role !== 'owner') await this.keepOneOwner(trx, workspaceId);
      if (before) await trx.updateTable('workspace_members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
      else await trx.insertInto('workspace_members').values({ workspace_id: workspaceId, user_id: userId, role, created_at: Date.now() }).execute();
      return before?.role ?? null;
    });
  }

  async removeMember(workspaceId: string, userId: string): Promise<Role | null> {
    return this.atomically(async (trx) => {
      const before = await trx.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
      if (!before) return null;
      if (before.role === 'owner') await this.keepOneOwner(trx, workspaceId);
      await trx.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
      return before.role;
    });
  }

  private async keepOneOwner(trx: Kysely<Database>, workspaceId: string): Promise<void> {
    const owners = await trx.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'owner').execute();
    if (owners.length <= 1) throw new AccessError(409, 'a workspace keeps at least one owner: make someone else owner first');
  }

  /** Shares a journey with a person in a role (replacing the one they had), or stops (null); one commit, never half of it. */
  async shareJourney(journeyId: string, userId: string, role: Role | null): Promise<void> {
    await this.atomically(async (trx) => {
      await trx.deleteFrom('journey_members').where('journey_id', '=', journeyId).where('user_id', '=', userId).execute();
      if (role !== null) await trx.insertInto('journey_members').values({ journey_id: journeyId, user_id: userId, role, created_at: Date.now() }).execute();
    });
  }

  /** An invitation link's secret (shown once) for a role in a workspace, or on one journey. */
  async createInvitation(input: { workspaceId: string; journeyId: string | null; role: Role; createdBy: string; ttlMs?: number }): Promise<{ id: string; token: string; expiresAt: number }> {
    const token = randomBytes(24).toString('base64url');
    const id = newId();
    const now = Date.now();
    const expiresAt = now + (input.ttlMs ?? 7 * 24 * 3600_000);
    await this.db
      .insertInto('invitations')
      .values({ id, token_hash: hashSecret(token), workspace_id: input.workspaceId, journey_id: input.journeyId, role: input.role, created_by: input.createdBy, created_at: now, expires_at: expiresAt, accepted_by: null, accepted_at: null })
      .execute();
    return { id, token, expiresAt };
  }

  /** What an invitation offers, without using it; undefined when unknown, used or expired. */
  async invitation(token: string): Promise<{ workspaceName: string; journeyTitle: string | null; role: Role; expiresAt: number } | undefined> {
    const row = await this.db
      .selectFrom('invitations')
      .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
      .leftJoin('journeys', 'journeys.id', 'invitations.journey_id')
      .select(['workspaces.name as workspaceName', 'journeys.title as journeyTitle', 'invitations.role', 'invitations.expires_at', 'invitations.accepted_at'])
      .where('invitations.token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!row || row.accepted_at !== null || Number(row.expires_at) < Date.now()) return undefined;
    return { workspaceName: row.workspaceName, journeyTitle: row.journeyTitle ?? null, role: row.role, expiresAt: Number(row.expires_at) };
  }

  /** Makes the signed-in person a member by an invitation's secret; each link is used once. */
  async acceptInvitation(token: string, userId: string): Promise<{ workspaceId: string; journeyId: string | null; role: Role }> {
    return this.atomically(async (trx) => {
      const invitation = await trx.selectFrom('invitations').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
      if (!invitation) throw new AccessError(404, 'this invitation link is not known: ask for a new one');
      if (invitation.accepted_at !== null) throw new AccessError(409, 'this invitation link was used already: ask for a new one');
      if (Number(invitation.expires_at) < Date.now()) throw new AccessError(409, 'this invitation link has expired: ask for a new one');
      const claimed = await trx.updateTable('invitations').set({ accepted_by: userId, accepted_at: Date.now() }).where('id', '=', invitation.id).where('accepted_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new AccessError(409, 'this invitation link was used already: ask for a new one');
      if (invitation.journey_id === null) {
        const before = await trx.selectFrom('workspace_members').select('role').where('workspace_id', '=', invitation.workspace_id).where('user_id', '=', userId).executeTakeFirst();
        if (!before) await trx.insertInto('workspace_members').values({ workspace_id: invitation.workspace_id, user_id: userId, role: invitation.role, created_at: Date.now() }).execute();
        else if (strongest(before.role, invitation.role) !== before.role) await trx.updateTable('workspace_members').set({ role: invitation.role }).where('workspace_id', '=', invitation.workspace_id).where('user_id', '=', userId).execute();
      } else {
        await trx.deleteFrom('journey_members').where('journey_id', '=', invitation.journey_id).where('user_id', '=', userId).execute();
        await trx.insertInto('journey_members').values({ journey_id: invitation.journey_id, user_id: userId, role: invitation.role, created_at: Date.now() }).execute();
      }
      return { workspaceId: invitation.workspace_id, journeyId: invitation.journey_id, role: invitation.role };
    });
  }

  /** A new API token; the secret is returned once and only its hash is kept. */
  async createToken(userId: string, name: string, role: Role): Promise<{ id: string; token: string }> {
    const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
    const id = newId();
    await this.db.insertInto('api_tokens').values({ id, user_id: userId, name, token_hash: hashSecret(token), role, created_at: Date.now(), last_used_at: null, revoked_at: null }).execute();
    return { id, token };
  }

  async resolveToken(token: string): Promise<{ id: string; userId: string; role: Role } | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = await this.db.selectFrom('api_tokens').select(['id', 'user_id', 'role', 'last_used_at']).where('token_hash', '=', hashSecret(token)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    if (row.last_used_at === null || now - Number(row.last_used_at) > LAST_USED_RESOLUTION_MS) await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    return { id: row.id, userId: row.user_id, role: row.role };
  }

  async tokensOf(userId: string): Promise<ApiTokenInfo[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: Number(r.created_at), lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at) }));
  }

  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const result = await this.db.updateTable('api_tokens').set({ revoked_at: Date.now() }).where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
