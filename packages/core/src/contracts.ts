// What server, web app and CLI share and a browser can load: roles, the policy table, the
// actor type and the audit actions. No Node modules here (index.ts adds the stores and auth).
export * from './access/roles.ts';
export * from './access/actor.ts';
export * from './access/policy.ts';
export * from './audit/auditActions.ts';
export * from './access/accessTypes.ts';
export * from './notifications/notificationTypes.ts';
export * from './portfolio/portfolioTypes.ts';
export * from './experience/experienceTypes.ts';
