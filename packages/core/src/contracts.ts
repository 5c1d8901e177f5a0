// What server, web app and CLI share and a browser can load: roles, the policy table, the
// actor type, the audit actions and every API route's request and response contract
// (contracts/<resource>.ts, zod only). No Node modules here (index.ts adds the stores and auth).
export * from './access/roles.ts';
export * from './access/actor.ts';
export * from './access/policy.ts';
export * from './audit/auditActions.ts';
export * from './contracts/routeContract.ts';
export * from './contracts/health.ts';
export * from './contracts/accounts.ts';
export * from './contracts/workspaces.ts';
export * from './contracts/journeys.ts';
export * from './contracts/versions.ts';
export * from './contracts/evaluation.ts';
export * from './contracts/measurement.ts';
export * from './contracts/experience.ts';
export * from './contracts/portfolio.ts';
export * from './contracts/sharing.ts';
export * from './contracts/apiContracts.ts';
