import type { FastifyInstance, FastifySchema } from 'fastify';
import { API_CONTRACTS, isDocsRoute, ROUTES_WITHOUT_CONTRACT, type RouteContract } from '@klantreis/core/contracts';
import { CLUSTER_ONLY } from './routePolicies.ts';

/** A registered route: its `METHOD /path` and the schemas it validates with. */
export interface RegisteredRoute {
  key: string;
  schema: FastifySchema | undefined;
}

const PARTS = ['params', 'querystring', 'body'] as const;
const WITHOUT_CONTRACT = new Set<string>(ROUTES_WITHOUT_CONTRACT);

/** Whether a route is this API's JSON (not the web app's files, the OpenAPI pages or better-auth's pass-through). */
export function needsContract(key: string): boolean {
  const [method, url = ''] = key.split(' ');
  return url.startsWith('/api') && !isDocsRoute(key) && !WITHOUT_CONTRACT.has(key.replace(/^HEAD /, 'GET '));
}

/**
 * What is wrong between the routes and @klantreis/core's contracts: a route without a
 * contract, a route that validates a part with another schema than its contract's (a schema
 * of its own is a second copy that web and CLI do not see), and with `all`, a contract whose
 * route is gone.
 */
export function contractProblems(routes: readonly RegisteredRoute[], all: boolean, contracts: Readonly<Record<string, RouteContract>> = API_CONTRACTS): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { key, schema } of routes) {
    if (!needsContract(key)) continue;
    // Fastify adds a HEAD beside each GET, and `/prefix/` of a plugin's `/` only as HEAD: both
    // name the GET's contract, whose schemas the GET itself is checked against.
    if (key.startsWith('HEAD ')) {
      seen.add(key.replace(/^HEAD /, 'GET '));
      continue;
    }
    seen.add(key);
    const contract = contracts[key];
    if (!contract) {
      problems.push(`${key}: no contract (add it to packages/core/src/contracts/<resource>.ts)`);
      continue;
    }
    const route = (schema ?? {}) as Record<string, unknown>;
    for (const part of PARTS) {
      if (route[part] !== contract[part]) problems.push(`${key}: its ${part} is not the contract's`);
    }
    const answers = (route.response ?? {}) as Record<string, unknown>;
    const expected = contract.response ?? {};
    for (const status of new Set([...Object.keys(answers), ...Object.keys(expected)])) {
      if (answers[status] !== expected[Number(status)]) problems.push(`${key}: its ${status} answer is not the contract's`);
    }
  }
  if (all) for (const key of Object.keys(contracts)) if (!seen.has(key) && !CLUSTER_ONLY.has(key)) problems.push(`${key}: a contract whose route does not exist`);
  return problems;
}

/**
 * Keeps the routes and the contracts in step, as registerRoutePolicies does with the policy
 * table: a route without its contract, or validating with a schema of its own, stops the start.
 * `apiServed`: false in a process without the `api` service, which registers few of the routes.
 */
export function registerContractCheck(app: FastifyInstance, apiServed = true): void {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ key: `${method} ${route.url ?? route.path}`, schema: route.schema });
  });
  app.addHook('onReady', async () => {
    const problems = contractProblems(routes, apiServed);
    if (problems.length > 0) throw new Error(`routes and contracts disagree:\n${problems.join('\n')}`);
  });
}
