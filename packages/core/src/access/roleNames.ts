// The role names alone, without zod: the command line offers them as choices at start-up.

/** The four roles, weakest first: each can do all that the ones before it can. */
export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];
