// Whether the server answers (apps/server/src/routes/health): the proxy's and the web app's check.
import { z } from 'zod';
import type { RouteContracts } from './routeContract.ts';

export const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.number().int().describe('milliseconds since 1970') });
export type Health = z.infer<typeof healthResponse>;

export const liveResponse = z.object({
  status: z.literal('ok'),
  node: z.string().nullable().describe('KLANTREIS_NODE_NAME with several processes, else null'),
  services: z.array(z.enum(['api', 'collab', 'worker'])),
});
export type Live = z.infer<typeof liveResponse>;

export const healthContracts = {
  'GET /api/health': { response: { 200: healthResponse } },
  'GET /api/health/': { response: { 200: healthResponse } },
  'GET /api/health/live': { response: { 200: liveResponse } },
} as const satisfies RouteContracts;
