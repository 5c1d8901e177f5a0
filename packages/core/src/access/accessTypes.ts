// What the access API answers, shared by the server and the web app (no Node modules here).
import { z } from 'zod';
import { languageSchema } from '@klantreis/schema';
import { ACTIONS } from './policy.ts';
import { roleSchema, type Role } from './roles.ts';

export interface WorkspaceInfo {
  id: string;
  name: string;
  role: Role;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  image: string | null;
  role: Role;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  lastUsedAt: number | null;
}

/** `GET /api/me`: who is signed in, how (a token caps the role), and their workspaces. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    image: z.string().nullable(),
    /** The UI language the person chose; null while the UI follows the browser. */
    language: languageSchema.nullable(),
  }),
  via: z.enum(['session', 'token']),
  /** A token's role: the most it may do, whatever the person's roles. */
  cap: roleSchema,
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});
export type Me = z.infer<typeof meSchema>;

/** `GET /api/journeys/:id/access`: the role on a journey and, per action of the policy table, whether it may be taken. */
export const journeyAccessSchema = z.object({ role: roleSchema.nullable(), can: z.record(z.enum(ACTIONS as [string, ...string[]]), z.boolean()) });
export type JourneyAccess = z.infer<typeof journeyAccessSchema>;
