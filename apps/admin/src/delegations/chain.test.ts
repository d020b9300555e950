import { buildDelegationChain, RuleRecord } from './chain';
import type { DelegationRecord } from '../providers/types';

const base = {
  decisionPoints: ['ATB'],
  grades: ['III'],
  scopeOrgUnitId: 'o1',
  currency: 'CNY',
  validFrom: '2026-01-01T00:00:00.000Z',
  redelegableDepth: 0,
  reason: 'r',
  version: 1,
} as const;
const d1: DelegationRecord = {
  ...base,
  decisionPoints: ['ATB'],
  grades: ['III'],
  id: '1',
  sourceRuleId: '9',
  delegatorId: 'p1',
  delegateId: 'p2',
  limit: '100.00',
};
const d2: DelegationRecord = {
  ...base,
  decisionPoints: ['ATB'],
  grades: ['III'],
  id: '2',
  sourceDelegationId: '1',
  delegatorId: 'p2',
  delegateId: 'p3',
  limit: '50.00',
};
const rule: RuleRecord = {
  id: '9',
  decisionPoints: ['ATB', 'ATC'],
  grades: ['II', 'III'],
  scopeOrgUnitId: 'o1',
  currency: 'CNY',
  validFrom: '2025-01-01T00:00:00.000Z',
  limit: null,
};

describe('buildDelegationChain', () => {
  it('walks from the rule through every delegation to this one', async () => {
    const chain = await buildDelegationChain(
      d2,
      async (id) => (id === '1' ? d1 : d2),
      async () => rule,
    );
    expect(chain.links.map((l) => `${l.kind}:${l.id}:${l.holderPersonId}`)).toEqual([
      'RULE:9:p1',
      'DELEGATION:1:p2',
      'DELEGATION:2:p3',
    ]);
    expect(chain.links[2]?.delegatorId).toBe('p2');
  });
});
