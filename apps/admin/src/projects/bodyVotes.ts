// A project's decisions under decision bodies, read the way the API counts them: grouped by decision point and
// body rule; each seat's latest vote counts; APPROVED and REJECTED are final, RETURNED opens a new round.
import { latestSeatVotes, voteRound, type VoteRound } from '@iron-triangle/domain';
import type { DecisionRecord } from '../providers/types';

export interface BodyGroup {
  key: string;
  decisionPoint: DecisionRecord['decisionPoint'];
  bodyId: string;
  ruleId: string;
  /** Every vote, oldest first. */
  votes: DecisionRecord[];
}

/** closedBy: the vote that settled the decision for good; round: the votes that count now, or the round it
 * closed; lastCompleted: the last completing vote, final or RETURNED. */
export type Round = VoteRound<DecisionRecord>;

const byId = (a: DecisionRecord, b: DecisionRecord) =>
  Number(a.id) - Number(b.id) || a.decidedAt.localeCompare(b.decidedAt);

export function ruleIdOf(decision: DecisionRecord): string {
  return String(decision.chain?.links?.[0]?.id ?? '');
}

export function bodyGroups(decisions: readonly DecisionRecord[]): BodyGroup[] {
  const groups = new Map<string, BodyGroup>();
  for (const d of [...decisions].sort(byId)) {
    const body = d.chain?.body;
    if (!body) continue;
    const ruleId = ruleIdOf(d);
    const key = `${d.decisionPoint}|${ruleId}|${body.bodyId}`;
    const group = groups.get(key) ?? {
      key,
      decisionPoint: d.decisionPoint,
      bodyId: String(body.bodyId),
      ruleId,
      votes: [],
    };
    group.votes.push(d);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Where the votes stand (the domain's `voteRound`, the rule the API records by): closed, or the open round. */
export function roundOf(votes: readonly DecisionRecord[]): Round {
  return voteRound([...votes].sort(byId));
}

/** Each seat's latest vote in the round (a vote counts for every seat its decider acted in). */
export function seatVotes(
  seatTitles: readonly string[],
  round: readonly DecisionRecord[],
): Map<string, DecisionRecord> {
  return latestSeatVotes([...round].sort(byId), (vote) =>
    (vote.chain?.body?.seatTitles ?? []).filter((title) => seatTitles.includes(title)),
  );
}
