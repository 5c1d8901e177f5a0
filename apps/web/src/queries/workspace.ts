import { queryOptions } from '@tanstack/react-query';
import type { AuditAction } from '@klantreis/core/contracts';
import { accountsApi } from '../api/accountsApi.ts';
import { sharingApi } from '../api/sharingApi.ts';

// A workspace's members, audit log and share links (its owners' pages), and the person's API tokens.

export const workspaceKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId] as const,
  members: (workspaceId: string) => ['workspace', workspaceId, 'members'] as const,
  links: (workspaceId: string) => ['workspace', workspaceId, 'links'] as const,
};

export function membersQuery(workspaceId: string | null) {
  return queryOptions({
    queryKey: workspaceKeys.members(workspaceId ?? ''),
    queryFn: () => accountsApi.members(workspaceId ?? ''),
    enabled: workspaceId !== null,
  });
}

export function auditQuery(workspaceId: string, action: AuditAction | undefined) {
  return queryOptions({
    queryKey: [...workspaceKeys.all(workspaceId), 'audit', action ?? null],
    queryFn: () => accountsApi.audit(workspaceId, { action }),
  });
}

export function workspaceLinksQuery(workspaceId: string) {
  return queryOptions({ queryKey: workspaceKeys.links(workspaceId), queryFn: () => sharingApi.workspaceLinks(workspaceId) });
}

export const tokensQuery = queryOptions({ queryKey: ['tokens'], queryFn: () => accountsApi.tokens() });
