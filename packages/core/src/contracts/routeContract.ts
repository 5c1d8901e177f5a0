// The shape of one route's contract: what its params, query and body must be and what each
// status answers. Server routes validate with these schemas (and OpenAPI at /api/docs is made
// from them); the web app and the CLI take their types from the same schemas.
import { z } from 'zod';

export interface RouteContract {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Readonly<Record<number, z.ZodType>>;
}

/** Every route of a resource by `METHOD /path` as registered (the keys of the route policy table). */
export type RouteContracts = Readonly<Record<string, RouteContract>>;

/** The `:id` of a journey in a route's path. */
export const journeyIdParams = z.object({ id: z.string().min(1).max(64) });

/** What a refused request answers: the reason and, for a bad request, each field's problem. */
export const errorResponse = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** A made thing's id (a journey, a phase, a step, an indicator). */
export const createdResponse = z.object({ id: z.string() });
export type Created = z.infer<typeof createdResponse>;

export const localeSchema = z.enum(['nl', 'en']);
