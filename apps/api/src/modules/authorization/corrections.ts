// Which corrections an answer rests on: those deciding a record of its chains and reasons, of the people it is about
// (their positions, assessments and delegations), or of the org tree.
import type { AuthorityChange } from '../../platform/change-log';

export interface AnswerRecords {
  personIds: ReadonlySet<string>;
  ruleIds: ReadonlySet<string>;
  delegationIds: ReadonlySet<string>;
  bodyIds: ReadonlySet<string>;
}

function field(entry: AuthorityChange, name: string): string | null {
  const value = entry.after?.[name] ?? entry.before?.[name];
  return value === null || value === undefined ? null : String(value);
}

function concerns(entry: AuthorityChange, records: AnswerRecords): boolean {
  const id = String(entry.recordId);
  const person = (name: string) => {
    const value = field(entry, name);
    return value !== null && records.personIds.has(value);
  };
  switch (entry.recordType) {
    case 'OrgUnit':
      return true;
    case 'Person':
      return records.personIds.has(id);
    case 'PositionAssignment':
    case 'Assessment':
      return person('personId');
    case 'AuthorityRule':
      return records.ruleIds.has(id);
    case 'DecisionBody':
      return records.bodyIds.has(id);
    case 'Delegation':
      return records.delegationIds.has(id) || person('delegateId') || person('delegatorId');
    default:
      return false;
  }
}

export function correctionsConcerning(
  corrections: readonly AuthorityChange[],
  records: AnswerRecords,
): AuthorityChange[] {
  return corrections.filter((c) => concerns(c, records));
}

/** The records of chains (rule first, then delegations) and of reasons' candidate chains. */
export function answerRecords(
  personIds: Iterable<string>,
  chains: ReadonlyArray<{ links: ReadonlyArray<{ kind: string; id: string }>; body?: { bodyId: string } | null }>,
  reasonChains: ReadonlyArray<readonly string[]> = [],
): AnswerRecords {
  const ruleIds = new Set<string>();
  const delegationIds = new Set<string>();
  const bodyIds = new Set<string>();
  for (const chain of chains) {
    for (const link of chain.links) (link.kind === 'RULE' ? ruleIds : delegationIds).add(link.id);
    if (chain.body) bodyIds.add(chain.body.bodyId);
  }
  for (const chain of reasonChains) {
    chain.forEach((id, i) => (i === 0 ? ruleIds : delegationIds).add(id));
  }
  return { personIds: new Set(personIds), ruleIds, delegationIds, bodyIds };
}
