export * from './access/roles.ts';
export * from './access/actor.ts';
export * from './access/policy.ts';
export * from './access/accessStore.ts';
export * from './audit/auditLog.ts';
export * from './accounts/auth.ts';
export * from './accounts/owner.ts';
