import type { ApprovalRequest } from '@klantreis/db';

export type RequestState = 'pending' | 'approved' | 'changes-requested';

/**
 * A request is approved once every approver's latest decision is an approval, and sent back as
 * soon as anyone's latest decision asks for changes; until then it is pending.
 */
export function requestState(request: ApprovalRequest): RequestState {
  const latest = new Map<string, string>();
  for (const decision of request.decisions) latest.set(decision.approver, decision.decision);
  if ([...latest.values()].includes('changes-requested')) return 'changes-requested';
  return request.approvers.every((approver) => latest.get(approver) === 'approved') ? 'approved' : 'pending';
}

/** The most recently approved request: the version the map "is approved as". */
export function latestApproved(requests: readonly ApprovalRequest[]): ApprovalRequest | undefined {
  return requests.find((r) => requestState(r) === 'approved');
}
