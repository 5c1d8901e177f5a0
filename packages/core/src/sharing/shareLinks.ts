import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database, ShareLinksTable } from '@klantreis/db';
import { hashSecret } from '../access/accessStore.ts';
import { linkShowsSchema, type LinkShows, type NewLink } from '../contracts/sharing.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

export const LINK_PREFIX = 'krl_';
const VIEWER_PREFIX = 'krv_';
/** A viewer stays in for at most this long, then opens the link again (and types the password again). */
const VIEWER_TTL_MS = 12 * 60 * 60 * 1000;
const LAST_OPENED_RESOLUTION_MS = 60_000;

export interface ShareLink {
  id: string;
  journeyId: string;
  workspaceId: string | null;
  token: string;
  hasPassword: boolean;
  shows: LinkShows;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  expiresAt: number | null;
  lastOpenedAt: number | null;
  revokedAt: number | null;
}

/** Someone looking through a link: which link, which journey, what they may see. */
export interface LinkViewer {
  linkId: string;
  journeyId: string;
  shows: LinkShows;
}

export type OpenResult = { ok: true; viewerToken: string; viewer: LinkViewer; expiresAt: number } | { ok: false; reason: 'unknown' | 'password-required' | 'wrong-password' };

/**
 * Read-only share links: made per journey by its owner, listed per workspace, revoked at once.
 * The URL holds the link's token; opening it (with the password, when set) gives the browser a
 * viewer token of its own, so revoking the link, or letting it expire, shuts every viewer out.
 */
export class ShareLinks {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async create(journeyId: string, workspaceId: string | null, creator: { userId: string; name: string }, link: NewLink, now = Date.now()): Promise<ShareLink> {
    if (link.expiresAt !== null && link.expiresAt <= now) throw new RangeError('expiresAt: the link would have expired already');
    const row = {
      id: randomBytes(12).toString('base64url'),
      journey_id: journeyId,
      workspace_id: workspaceId,
      token: LINK_PREFIX + randomBytes(24).toString('base64url'),
      password_hash: link.password === null ? null : await hashPassword(link.password),
      shows: JSON.stringify(link.shows),
      created_by: creator.userId,
      created_by_name: creator.name,
      created_at: now,
      expires_at: link.expiresAt,
      last_opened_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('share_links').values(row).execute();
    return toLink(row);
  }

  async ofJourney(journeyId: string): Promise<ShareLink[]> {
    const rows = await this.db.selectFrom('share_links').selectAll().where('journey_id', '=', journeyId).orderBy('created_at', 'desc').execute();
    return rows.map(toLink);
  }

  async ofWorkspace(workspaceId: string): Promise<(ShareLink & { journeyTitle: string })[]> {
    const rows = await this.db
      .selectFrom('share_links')
      .innerJoin('journeys', 'journeys.id', 'share_links.journey_id')
      .selectAll('share_links')
      .select('journeys.title as journey_title')
      .where('share_links.workspace_id', '=', workspaceId)
      .orderBy('share_links.created_at', 'desc')
      .execute();
    return rows.map((row) => ({ ...toLink(row), journeyTitle: row.journey_title }));
  }

  /** Revokes a link of the journey; false when there is no such live link. */
  async revoke(journeyId: string, linkId: string, now = Date.now()): Promise<boolean> {
    const result = await this.db.updateTable('share_links').set({ revoked_at: now }).where('id', '=', linkId).where('journey_id', '=', journeyId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.db.deleteFrom('share_viewers').where('link_id', '=', linkId).execute();
    return true;
  }

  /** Opens a link: an unknown, revoked or expired link all answer 'unknown', so none is told apart. */
  async open(token: string, password: string | null, now = Date.now()): Promise<OpenResult> {
    if (!token.startsWith(LINK_PREFIX) || token.length > 100) return { ok: false, reason: 'unknown' };
    const row = await this.db.selectFrom('share_links').selectAll().where('token', '=', token).executeTakeFirst();
    if (!row || !isLive(row, now)) return { ok: false, reason: 'unknown' };
    if (row.password_hash !== null) {
      if (password === null || password === '') return { ok: false, reason: 'password-required' };
      if (!(await verifyPassword(password, row.password_hash))) return { ok: false, reason: 'wrong-password' };
    }
    const viewerToken = VIEWER_PREFIX + randomBytes(24).toString('base64url');
    const expiresAt = Math.min(now + VIEWER_TTL_MS, row.expires_at === null ? Infinity : Number(row.expires_at));
    await this.db.insertInto('share_viewers').values({ token_hash: hashSecret(viewerToken), link_id: row.id, created_at: now, expires_at: expiresAt }).execute();
    await this.db.updateTable('share_links').set({ last_opened_at: now }).where('id', '=', row.id).execute();
    return { ok: true, viewerToken, viewer: { linkId: row.id, journeyId: row.journey_id, shows: parseShows(row.shows) }, expiresAt };
  }

  /** The viewer behind a viewer token, while its link is live; undefined otherwise. */
  async viewer(viewerToken: string, now = Date.now()): Promise<LinkViewer | undefined> {
    if (!viewerToken.startsWith(VIEWER_PREFIX) || viewerToken.length > 100) return undefined;
    const row = await this.db
      .selectFrom('share_viewers')
      .innerJoin('share_links', 'share_links.id', 'share_viewers.link_id')
      .selectAll('share_links')
      .select('share_viewers.expires_at as viewer_expires_at')
      .where('share_viewers.token_hash', '=', hashSecret(viewerToken))
      .executeTakeFirst();
    if (!row || !isLive(row, now) || Number(row.viewer_expires_at) <= now) return undefined;
    if (row.last_opened_at === null || now - Number(row.last_opened_at) > LAST_OPENED_RESOLUTION_MS) {
      await this.db.updateTable('share_links').set({ last_opened_at: now }).where('id', '=', row.id).execute();
    }
    return { linkId: row.id, journeyId: row.journey_id, shows: parseShows(row.shows) };
  }
}

/** A row of share_links, as the database schema declares it. */
type LinkRow = ShareLinksTable;

function isLive(row: Pick<LinkRow, 'revoked_at' | 'expires_at'>, now: number): boolean {
  return row.revoked_at === null && (row.expires_at === null || Number(row.expires_at) > now);
}

function parseShows(json: string): LinkShows {
  return linkShowsSchema.parse(JSON.parse(json));
}

function toLink(row: LinkRow): ShareLink {
  const time = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    journeyId: row.journey_id,
    workspaceId: row.workspace_id,
    token: row.token,
    hasPassword: row.password_hash !== null,
    shows: parseShows(row.shows),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: Number(row.created_at),
    expiresAt: time(row.expires_at),
    lastOpenedAt: time(row.last_opened_at),
    revokedAt: time(row.revoked_at),
  };
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFKC'), salt, 32);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}
