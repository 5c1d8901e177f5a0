// The routes and @klantreis/core's contracts agree: the server refuses to start when a route
// has no contract or validates with a schema of its own (checked here on a small app), and an
// answer of each resource, read on a real server, parses with its contract as web and CLI do.
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { API_CONTRACTS, healthContracts, type RouteContract } from '@klantreis/core/contracts';
import { buildTestServer, type Backend, type TestServer } from '../testServer.ts';
import { firstWorkspaceId } from './accessTestSupport.ts';
import { ROUTE_POLICIES } from './routePolicies.ts';
import { contractProblems, needsContract, registerContractCheck } from './routeContracts.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe('the contract check', () => {
  async function start(register: (app: ReturnType<typeof Fastify>) => void): Promise<void> {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerContractCheck(app, false);
    register(app);
    try {
      await app.ready();
    } finally {
      await app.close();
    }
  }
  const health = healthContracts['GET /api/health/live'];

  it('lets a route with its contract start', async () => {
    await start((app) => app.get('/api/health/live', { schema: { response: health.response } }, async () => ({ status: 'ok', node: null, services: [] })));
  });

  it('stops the start for a route without a contract', async () => {
    await expect(start((app) => app.get('/api/something-new', async () => ({})))).rejects.toThrow('GET /api/something-new: no contract');
  });

  it('stops the start for a route that validates with a schema of its own', async () => {
    const ownCopy = { 200: z.object({ status: z.literal('ok') }) };
    await expect(start((app) => app.get('/api/health/live', { schema: { response: ownCopy } }, async () => ({ status: 'ok' })))).rejects.toThrow(
      "GET /api/health/live: its 200 answer is not the contract's",
    );
    await expect(start((app) => app.get('/api/health/live', { schema: { querystring: z.object({ x: z.string() }), response: health.response } }, async () => ({})))).rejects.toThrow(
      "its querystring is not the contract's",
    );
  });

  it('names a contract whose route is gone', () => {
    const contracts: Record<string, RouteContract> = { 'GET /api/gone': {} };
    expect(contractProblems([], true, contracts)).toEqual(['GET /api/gone: a contract whose route does not exist']);
  });

  it('has a contract for every API route of the policy table, and no other', () => {
    const apiRoutes = Object.keys(ROUTE_POLICIES).filter(needsContract).sort();
    expect(Object.keys(API_CONTRACTS).sort()).toEqual(apiRoutes);
  });
});

/** The contract's answer for a status, as web and CLI read it. */
function answerOf(key: keyof typeof API_CONTRACTS, status = 200): z.ZodType {
  const response = (API_CONTRACTS[key] as RouteContract).response;
  const schema = response?.[status];
  if (!schema) throw new Error(`${key} has no ${status} answer in its contract`);
  return schema;
}

describe.each(backends)('every resource answers as its contract says (%s)', (_name, backend) => {
  let server: TestServer;
  let journeyId: string;
  let mapId: string;
  let workspaceId: string;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    server = await buildTestServer(backend);
    workspaceId = await firstWorkspaceId(server);
    const create = async (templateId: string) => ((await (await server.fetch('/api/journeys', { method: 'POST', headers: json, body: JSON.stringify({ templateId, locale: 'en' }) })).json()) as { id: string }).id;
    journeyId = await create('ikea-visit');
    mapId = await create('banking-relationship');
    const version = await server.fetch(`/api/journeys/${journeyId}/versions`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'as-is' }) });
    expect(version.status).toBe(201);
    const link = await server.fetch(`/api/journeys/${journeyId}/links`, { method: 'POST', headers: json, body: JSON.stringify({ password: null, expiresAt: null }) });
    expect(link.status).toBe(201);
    const view = await server.fetch('/api/portfolio/views', { method: 'POST', headers: json, body: JSON.stringify({ workspaceId, name: 'all', state: { group: 'status' } }) });
    expect(view.status).toBe(201);
  }, 60_000);
  afterAll(async () => server?.close());

  const reads: [keyof typeof API_CONTRACTS, () => string][] = [
    ['GET /api/health/', () => '/api/health'],
    ['GET /api/health/live', () => '/api/health/live'],
    ['GET /api/setup', () => '/api/setup'],
    ['GET /api/auth-providers', () => '/api/auth-providers'],
    ['GET /api/me', () => '/api/me'],
    ['GET /api/me/tokens', () => '/api/me/tokens'],
    ['GET /api/me/notifications', () => '/api/me/notifications'],
    ['GET /api/workspaces/:workspaceId/members', () => `/api/workspaces/${workspaceId}/members`],
    ['GET /api/workspaces/:workspaceId/audit', () => `/api/workspaces/${workspaceId}/audit`],
    ['GET /api/workspaces/:workspaceId/links', () => `/api/workspaces/${workspaceId}/links`],
    ['GET /api/templates', () => '/api/templates?locale=en'],
    ['GET /api/journeys', () => '/api/journeys'],
    ['GET /api/journeys/:id', () => `/api/journeys/${journeyId}`],
    ['GET /api/journeys/:id/access', () => `/api/journeys/${journeyId}/access`],
    ['GET /api/journeys/:id/people', () => `/api/journeys/${journeyId}/people`],
    ['GET /api/journeys/:id/members', () => `/api/journeys/${journeyId}/members`],
    ['GET /api/journeys/:id/versions', () => `/api/journeys/${journeyId}/versions`],
    ['GET /api/journeys/:id/compare', () => `/api/journeys/${journeyId}/compare?from=${journeyId}&to=current`],
    ['GET /api/journeys/:id/approval', () => `/api/journeys/${journeyId}/approval`],
    ['GET /api/journeys/:id/evaluation', () => `/api/journeys/${journeyId}/evaluation`],
    ['GET /api/journeys/:id/imports', () => `/api/journeys/${journeyId}/imports`],
    ['GET /api/journeys/:id/metrics', () => `/api/journeys/${journeyId}/metrics`],
    ['GET /api/journeys/:id/links', () => `/api/journeys/${journeyId}/links`],
    ['GET /api/journeys/:id/experience', () => `/api/journeys/${mapId}/experience`],
    ['GET /api/journeys/:id/linkable', () => `/api/journeys/${mapId}/linkable`],
    ['GET /api/portfolio', () => `/api/portfolio?workspace=${workspaceId}`],
    ['GET /api/portfolio/opportunities', () => `/api/portfolio/opportunities?workspace=${workspaceId}`],
    ['GET /api/portfolio/views', () => `/api/portfolio/views?workspace=${workspaceId}`],
  ];

  it('describes every route in the OpenAPI document with its contract\'s answers', async () => {
    const response = await server.fetch('/api/docs/json');
    expect(response.status).toBe(200);
    const spec = (await response.json()) as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const missing: string[] = [];
    for (const [key, contract] of Object.entries(API_CONTRACTS) as [string, RouteContract][]) {
      const [method = '', url = ''] = key.split(' ');
      // Health is registered before the OpenAPI plugin (every process has it, not only the API's).
      if (url.endsWith('/') || url.startsWith('/api/health')) continue;
      const path = url.replace(/:(\w+)/g, '{$1}');
      // A plugin's `/` is documented as `/prefix/`.
      const operation = (spec.paths[path] ?? spec.paths[`${path}/`])?.[method.toLowerCase()];
      if (!operation) missing.push(key);
      else for (const status of Object.keys(contract.response ?? {})) if (!operation.responses?.[status]) missing.push(`${key} ${status}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(reads)('%s', async (key, path) => {
    let url = path();
    if (key === 'GET /api/journeys/:id/compare') {
      const versions = (await (await server.fetch(`/api/journeys/${journeyId}/versions`)).json()) as { id: string }[];
      url = `/api/journeys/${journeyId}/compare?from=${versions[0]!.id}&to=current`;
    }
    const response = await server.fetch(url);
    expect(response.status, await response.clone().text()).toBe(200);
    const parsed = answerOf(key).safeParse(await response.json());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
