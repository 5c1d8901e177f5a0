// Every API route's contract in one table, by `METHOD /path` as registered (the keys of the
// server's route policy table). The server's contract test fails when a route is registered
// without its entry here or validates with other schemas than these.
import { accountContracts } from './accounts.ts';
import { evaluationContracts } from './evaluation.ts';
import { experienceContracts } from './experience.ts';
import { healthContracts } from './health.ts';
import { journeyContracts, templateContracts } from './journeys.ts';
import { measurementContracts } from './measurement.ts';
import { portfolioContracts } from './portfolio.ts';
import type { RouteContracts } from './routeContract.ts';
import { sharingContracts } from './sharing.ts';
import { versionContracts } from './versions.ts';
import { workspaceContracts } from './workspaces.ts';

export const API_CONTRACTS = {
  ...healthContracts,
  ...accountContracts,
  ...workspaceContracts,
  ...journeyContracts,
  ...templateContracts,
  ...versionContracts,
  ...evaluationContracts,
  ...measurementContracts,
  ...experienceContracts,
  ...portfolioContracts,
  ...sharingContracts,
} as const satisfies RouteContracts;

/**
 * Routes that are not this API's JSON: better-auth's own endpoints (passed through as they
 * are), the OpenAPI pages, and the signed updates between the processes of a cluster.
 */
export const ROUTES_WITHOUT_CONTRACT = ['GET /api/auth/*', 'POST /api/auth/*', 'POST /internal/journeys/:id/updates'] as const;
export const isDocsRoute = (key: string): boolean => key.startsWith('GET /api/docs');
