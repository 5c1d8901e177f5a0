export * from './contracts.ts';
export * from './access/accessStore.ts';
export * from './audit/auditLog.ts';
export * from './accounts/auth.ts';
export * from './accounts/owner.ts';
export * from './notifications/inbox.ts';
export * from './accounts/singleSignOn.ts';
export * from './sharing/shareLinks.ts';
