import { z } from 'zod';
import { ROLES, type Role } from './roleNames.ts';

export { ROLES, type Role };
export const roleSchema = z.enum(ROLES);

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function atLeast(role: Role | null, minimum: Role): boolean {
  return role !== null && roleRank(role) >= roleRank(minimum);
}

/** The stronger of two grants (a workspace role and a journey share), or null when neither. */
export function strongest(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return roleRank(a) >= roleRank(b) ? a : b;
}

/** The weaker of two roles: a token never acts above the role it was made with. */
export function weakest(a: Role, b: Role): Role {
  return roleRank(a) <= roleRank(b) ? a : b;
}
