// A project's decisions under decision bodies, read the way the API counts them: grouped by decision point and
// body rule; each seat's latest vote counts; APPROVED and REJECTED are final, RETURNED opens a new round.
import type { DecisionRecord } from '../providers/types';

export interface BodyGroup {
  key: string;
  decisionPoint: DecisionRecord['decisionPoint'];
  bodyId: string;
  ruleId: string;
  /** Every vote, oldest first. */
  votes: DecisionRecord[];
}

export interface Round {
  /** The vote that settled the decision for good (APPROVED or REJECTED), if any. */
  closedBy: DecisionRecord | null;
  /** The votes that count now: those after the last RETURNED completion (none once closed). */
  round: DecisionRecord[];
  /** The last completing vote, final or RETURNED. */
  lastCompleted: DecisionRecord | null;
}

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

export function roundOf(votes: readonly DecisionRecord[]): Round {
  const sorted = [...votes].sort(byId);
  const lastCompleted = [...sorted].reverse().find((d) => d.complete) ?? null;
  if (lastCompleted && lastCompleted.outcome !== 'RETURNED')
    return {
      closedBy: lastCompleted,
      round: sorted.filter((d) => Number(d.id) <= Number(lastCompleted.id) && !isBefore(d, sorted, lastCompleted)),
      lastCompleted,
    };
  return {
    closedBy: null,
    round: lastCompleted ? sorted.filter((d) => Number(d.id) > Number(lastCompleted.id)) : sorted,
    lastCompleted,
  };
}

/** Votes of the round a final completion closed: after the previous RETURNED completion, up to the closing vote. */
function isBefore(d: DecisionRecord, sorted: readonly DecisionRecord[], closing: DecisionRecord): boolean {
  const previousReturn = [...sorted]
    .reverse()
    .find((v) => v.complete && v.outcome === 'RETURNED' && Number(v.id) < Number(closing.id));
  return previousReturn ? Number(d.id) <= Number(previousReturn.id) : false;
}

/** Each seat's latest vote in the round (a vote counts for every seat its decider acted in). */
export function seatVotes(
  seatTitles: readonly string[],
  round: readonly DecisionRecord[],
): Map<string, DecisionRecord> {
  const result = new Map<string, DecisionRecord>();
  for (const vote of [...round].sort(byId)) {
    for (const title of vote.chain?.body?.seatTitles ?? []) if (seatTitles.includes(title)) result.set(title, vote);
  }
  return result;
}
