import type { JourneyStore } from '@klantreis/db';
import { AccessError, type AccessStore } from '../access/accessStore.ts';
import type { Auth } from './auth.ts';
import type { NewAccount } from '../contracts/accounts.ts';

const OWNER_CLAIM = 'owner.claimed';
export const FIRST_WORKSPACE_NAME = 'Klantreis';

/** Creates an account with better-auth (its password hashing and storage), returning its user id. */
export async function createAccount(auth: Auth, account: NewAccount): Promise<string> {
  const existing = await auth.api.signUpEmail({ body: { email: account.email, password: account.password, name: account.name } }).catch((error: unknown) => {
    const message = (error as { body?: { message?: string } }).body?.message ?? (error as Error).message;
    throw new AccessError(/exist/i.test(message) ? 409 : 400, `the account cannot be created: ${message}`);
  });
  return existing.user.id;
}

/**
 * The first account: the owner of the first workspace, which takes the journeys already there
 * (the sample journeys). Only one caller ever wins, also when two arrive at once: the claim is
 * one row that a second insert cannot write.
 */
export async function createOwner(store: JourneyStore, auth: Auth, access: AccessStore, account: NewAccount): Promise<{ userId: string; workspaceId: string }> {
  if ((await access.countUsers()) > 0) throw new AccessError(409, 'this Klantreis has its owner already: sign in');
  const claim = await store.db.insertInto('settings').values({ key: OWNER_CLAIM, value: String(Date.now()) }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(claim.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AccessError(409, 'this Klantreis has its owner already: sign in');
  try {
    const userId = await createAccount(auth, account);
    const workspaceId = await access.createWorkspace(FIRST_WORKSPACE_NAME, userId);
    return { userId, workspaceId };
  } catch (error) {
    await store.db.deleteFrom('settings').where('key', '=', OWNER_CLAIM).execute();
    throw error;
  }
}

/** Whether the owner still has to be made (the first visit asks for it). */
export async function ownerMissing(access: AccessStore): Promise<boolean> {
  return (await access.countUsers()) === 0;
}

/**
 * A first start that stopped halfway (kill -9, a power cut) left the owner's account without its
 * workspace, or the claim of the first account without the account: the next start could make
 * no owner, and nobody could sign in to anything. This finishes it: the account gets the first
 * workspace (and the journeys already there), or a claim older than `staleAfterMs` is dropped so
 * that the owner can be asked for again. Returns what it did.
 */
export async function finishFirstStart(store: JourneyStore, access: AccessStore, staleAfterMs: number): Promise<'workspace-made' | 'claim-dropped' | null> {
  if (await access.firstWorkspace()) return null;
  const claim = await store.db.selectFrom('settings').select('value').where('key', '=', OWNER_CLAIM).executeTakeFirst();
  // Another process may be making the owner right now (its account made, its workspace not yet).
  if (claim && Date.now() - Number(claim.value) < staleAfterMs) return null;
  // Before the first workspace there is no invitation: the one account is the owner's.
  const user = await store.db.selectFrom('auth_user').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (user) {
    await access.createWorkspace(FIRST_WORKSPACE_NAME, user.id);
    return 'workspace-made';
  }
  if (claim) {
    await store.db.deleteFrom('settings').where('key', '=', OWNER_CLAIM).where('value', '=', claim.value).execute();
    return 'claim-dropped';
  }
  return null;
}
