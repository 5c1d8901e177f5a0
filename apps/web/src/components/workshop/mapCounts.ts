import type { CommentRecord, VoteRecord } from '@klantreis/schema';

// Counts for the map's badges, computed once per change of the lists they read.

/** Unresolved threads per step, those on its cells included. */
export function openThreadsByStep(comments: readonly CommentRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const comment of comments) if (comment.parentId === null && !comment.resolved) counts.set(comment.stepId, (counts.get(comment.stepId) ?? 0) + 1);
  return counts;
}

/** Dots per step of one lane: everyone's, and this participant's own. */
export type CellVoteCounts = Map<string, { total: number; mine: number }>;

export function votesByLane(votes: readonly VoteRecord[], myKey: string): Map<string, CellVoteCounts> {
  const byLane = new Map<string, CellVoteCounts>();
  for (const vote of votes) {
    const lane = byLane.get(vote.laneId) ?? new Map<string, { total: number; mine: number }>();
    const cell = lane.get(vote.stepId) ?? { total: 0, mine: 0 };
    lane.set(vote.stepId, { total: cell.total + vote.dots, mine: cell.mine + (vote.voterKey === myKey ? vote.dots : 0) });
    byLane.set(vote.laneId, lane);
  }
  return byLane;
}
