// The quorum of a decision body, written once: how a body's quorum text reads, where a round of votes stands
// (is the decision complete?), and whether the seats that can be filled could reach the quorum at all.
import type { AuthorityBodyQuorum } from './types';

/** The outcomes a decider records; APPROVED and REJECTED are final, RETURNED sends the case back. */
export const DECISION_OUTCOMES = ['APPROVED', 'REJECTED', 'RETURNED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** "MAJORITY" → more than half the seats; "AT_LEAST 2" / "AT_LEAST:2" → that many; anything else → every fixed seat. */
export function parseQuorum(quorum: string, seatCount: number): AuthorityBodyQuorum {
  const text = quorum.trim().toUpperCase();
  const atLeast = /^AT_LEAST[\s:_-]*(\d+)$/.exec(text);
  if (atLeast) return { kind: 'AT_LEAST', count: Number(atLeast[1]) };
  if (text === 'MAJORITY') return { kind: 'AT_LEAST', count: Math.floor(seatCount / 2) + 1 };
  return { kind: 'ALL_FIXED' };
}

/** A vote of a body member: the seats the decider acted in, the outcome, and whether it completed the decision. */
export interface BodyVote {
  readonly outcome: DecisionOutcome | string;
  readonly complete: boolean;
  readonly seatTitles: readonly string[];
}

export interface VoteRound<V> {
  /** The vote that settled the decision for good (APPROVED or REJECTED), if any. */
  readonly closedBy: V | null;
  /** The votes that count: the open round (after the last RETURNED completion), or the round `closedBy` closed. */
  readonly round: V[];
  /** The last completing vote, final or RETURNED. */
  readonly lastCompleted: V | null;
}

/**
 * A body decision is settled by the vote that completes it. APPROVED and REJECTED are final; RETURNED sends the
 * case back and the next vote opens a new round, in which earlier votes no longer count. Votes oldest first.
 */
export function voteRound<V extends Pick<BodyVote, 'outcome' | 'complete'>>(votes: readonly V[]): VoteRound<V> {
  const completedAt = (before: number, returned: boolean) => {
    for (let i = before - 1; i >= 0; i--) {
      const v = votes[i] as V;
      if (v.complete && (!returned || v.outcome === 'RETURNED')) return i;
    }
    return -1;
  };
  const last = completedAt(votes.length, false);
  const lastCompleted = last >= 0 ? (votes[last] as V) : null;
  if (lastCompleted && lastCompleted.outcome !== 'RETURNED') {
    const previousReturn = completedAt(last, true);
    return { closedBy: lastCompleted, round: votes.slice(previousReturn + 1, last + 1), lastCompleted };
  }
  return { closedBy: null, round: votes.slice(last + 1), lastCompleted };
}

/** Each seat's latest vote (a vote counts for every seat its decider acted in). Votes oldest first. */
export function latestSeatVotes<V>(votes: readonly V[], seatTitlesOf: (vote: V) => readonly string[]): Map<string, V> {
  const latest = new Map<string, V>();
  for (const vote of votes) for (const title of seatTitlesOf(vote)) latest.set(title, vote);
  return latest;
}

/** Where a body's vote stands. */
export interface QuorumTally {
  /** Seats whose latest vote is APPROVED. */
  readonly approved: number;
  /** Seats whose latest vote is REJECTED or RETURNED. */
  readonly against: number;
  /** APPROVED seats meet the quorum. */
  readonly approvalMet: boolean;
  /** Even if every seat yet to vote approved, the quorum could still be met. */
  readonly approvalReachable: boolean;
}

/** A seat's standing in a tally: its latest vote's side, or null when it has not voted (or cannot act). */
export type SeatStanding = 'APPROVED' | 'AGAINST' | null;

/**
 * The quorum over seat standings. ALL_FIXED: every fixed seat must approve, so one fixed seat against makes
 * approval unreachable. AT_LEAST n (MAJORITY is AT_LEAST ⌊seats/2⌋+1): n seats must approve, so approval is
 * unreachable once more than seats − n stand against.
 */
export function tallyQuorum(
  quorum: AuthorityBodyQuorum,
  seats: ReadonlyArray<{ readonly fixed: boolean; readonly standing: SeatStanding }>,
): QuorumTally {
  const approved = seats.filter((s) => s.standing === 'APPROVED').length;
  const against = seats.filter((s) => s.standing === 'AGAINST').length;
  if (quorum.kind === 'AT_LEAST') {
    return {
      approved,
      against,
      approvalMet: approved >= quorum.count,
      approvalReachable: seats.length - against >= quorum.count,
    };
  }
  return {
    approved,
    against,
    approvalMet: seats.length > 0 && seats.every((s) => !s.fixed || s.standing === 'APPROVED'),
    approvalReachable: seats.length > 0 && !seats.some((s) => s.fixed && s.standing === 'AGAINST'),
  };
}

/**
 * The quorum over one round of votes (oldest first): each seat's latest vote counts. An approval completes the
 * decision at `approvalMet`; a rejection or return as soon as approval is no longer reachable.
 */
export function tallyVotes(
  quorum: AuthorityBodyQuorum,
  seats: ReadonlyArray<{ readonly title: string; readonly fixed: boolean }>,
  votes: readonly BodyVote[],
): QuorumTally {
  const latest = latestSeatVotes(votes, (v) => v.seatTitles);
  return tallyQuorum(
    quorum,
    seats.map((s) => {
      const vote = latest.get(s.title);
      return { fixed: s.fixed, standing: vote ? (vote.outcome === 'APPROVED' ? 'APPROVED' : 'AGAINST') : null };
    }),
  );
}

/** Does a vote complete the decision, given the tally with that vote counted? */
export function completesDecision(outcome: DecisionOutcome | string, tally: QuorumTally): boolean {
  return outcome === 'APPROVED' ? tally.approvalMet : !tally.approvalReachable;
}

/**
 * Could the body reach its quorum with the seats someone can fill (seats nobody can fill stand against)? At
 * least one seat must be fillable under ALL_FIXED, as someone has to vote. No quorum given means ALL_FIXED.
 */
export function quorumReachable(
  quorum: AuthorityBodyQuorum | undefined,
  seats: ReadonlyArray<{ readonly fixed: boolean; readonly fillable: boolean }>,
): boolean {
  const rule = quorum ?? { kind: 'ALL_FIXED' };
  const tally = tallyQuorum(
    rule,
    seats.map((s) => ({ fixed: s.fixed, standing: s.fillable ? null : 'AGAINST' })),
  );
  return tally.approvalReachable && (rule.kind === 'AT_LEAST' || seats.some((s) => s.fillable));
}
