// The entity → domain mappers are the one place each aggregate is translated for the engine: the authority state
// and the write paths (a delegation draft, a project case) read the same records the same way.
import 'reflect-metadata';
import { AuthorityRule } from '../src/modules/authority-rule/authority-rule.entity';
import { toDomainAuthorityRule } from '../src/modules/authority-rule/authority-rule.mapper';
import { Delegation } from '../src/modules/delegation/delegation.entity';
import { toDelegationDraft, toDomainDelegation } from '../src/modules/delegation/delegation.mapper';
import { DecisionBody, DecisionBodySeat } from '../src/modules/decision-body/decision-body.entity';
import { seatsByBody, toAuthorityBody } from '../src/modules/decision-body/decision-body.mapper';
import { toProjectCase } from '../src/modules/project/project.mapper';

const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2027-01-01T00:00:00Z');

const rule = Object.assign(new AuthorityRule(), {
  id: 7,
  name: 'HQ approvals',
  holderKind: 'POSITION',
  holderTitle: 'BU_PRESIDENT',
  holderOrgUnitId: 1,
  decisionBodyId: null,
  holderRole: null,
  decisionPoints: ['ATB'],
  grades: ['III'],
  scopeOrgUnitId: 1,
  limitMinor: 100000n,
  currency: 'CNY',
  validFrom: from,
  validTo: null,
  delegableDepth: 2,
});

const delegation = Object.assign(new Delegation(), {
  id: 9,
  sourceRuleId: 7,
  sourceDelegationId: null,
  delegatorId: 3,
  delegateId: 4,
  decisionPoints: ['ATB'],
  grades: ['III'],
  scopeOrgUnitId: 2,
  limitMinor: null,
  currency: 'CNY',
  validFrom: from,
  validTo: to,
  redelegableDepth: 1,
  requiredRole: 'PROJECT_MANAGER',
  requiredLevel: 2,
  reason: 'holiday cover',
  revokedAt: null,
  revokeReason: null,
});

describe('entity → domain mappers', () => {
  test('an authority rule: holder, grant columns and depth', () => {
    expect(toDomainAuthorityRule(rule)).toEqual({
      id: '7',
      name: 'HQ approvals',
      holder: { kind: 'POSITION', title: 'BU_PRESIDENT', orgUnitId: '1' },
      decisionPoints: ['ATB'],
      grades: ['III'],
      scopeOrgUnitId: '1',
      currency: 'CNY',
      limit: 100000n,
      window: { from, to: null },
      delegableDepth: 2,
    });
    const body = Object.assign(new AuthorityRule(), { ...rule, holderKind: 'DECISION_BODY', decisionBodyId: 5 });
    expect(toDomainAuthorityRule(body).holder).toEqual({ kind: 'DECISION_BODY', bodyId: '5' });
  });

  test('a stored delegation is its draft plus id and revocation', () => {
    const stored = toDomainDelegation(delegation);
    expect(stored).toEqual({
      id: '9',
      source: { kind: 'RULE', id: '7' },
      delegatorId: '3',
      delegateId: '4',
      decisionPoints: ['ATB'],
      grades: ['III'],
      scopeOrgUnitId: '2',
      currency: 'CNY',
      limit: null,
      window: { from, to },
      redelegableDepth: 1,
      requiredQualification: { role: 'PROJECT_MANAGER', level: 2 },
      reason: 'holiday cover',
      revokedAt: null,
    });
    const { revokedAt: _revokedAt, ...draft } = stored;
    expect(toDelegationDraft(delegation)).toEqual(draft);
  });

  test('a delegation draft before it is stored: no id, re-delegated from a delegation', () => {
    const draft = toDelegationDraft({ sourceDelegationId: 9, delegatorId: 4, delegateId: 5, validFrom: from });
    expect(draft).toEqual({
      source: { kind: 'DELEGATION', id: '9' },
      delegatorId: '4',
      delegateId: '5',
      decisionPoints: [],
      grades: [],
      scopeOrgUnitId: 'undefined',
      currency: '',
      limit: null,
      window: { from, to: null },
      redelegableDepth: 0,
      requiredQualification: null,
      reason: '',
    });
  });

  test('decision bodies get their own seats in the order read', () => {
    const seat = (id: number, decisionBodyId: number, title: string) =>
      Object.assign(new DecisionBodySeat(), { id, decisionBodyId, title, alternativeTitles: [], fixed: true });
    const grouped = seatsByBody([seat(1, 1, 'A'), seat(2, 2, 'B'), seat(3, 1, 'C')]);
    const body = Object.assign(new DecisionBody(), { id: 1, name: 'Grade I team', quorum: 'ALL_FIXED' });
    expect(toAuthorityBody(body, grouped.get(1) ?? [], { kind: 'ALL_FIXED' })).toEqual({
      id: '1',
      name: 'Grade I team',
      seats: [
        { title: 'A', alternativeTitles: [], fixed: true },
        { title: 'C', alternativeTitles: [], fixed: true },
      ],
      quorum: { kind: 'ALL_FIXED' },
    });
  });

  test('a project case: the project and its team with their windows, and who has a conflict of interest', () => {
    const project = { id: 11, grade: 'II', orgUnitId: 2, amountMinor: 500n, currency: 'CNY' };
    const team = [{ personId: 4, role: 'PROJECT_MANAGER', validFrom: from, validTo: null }];
    expect(toProjectCase(project, team, 'ATC', { sponsorConflictOfInterest: false })).toEqual({
      projectId: '11',
      decisionPoint: 'ATC',
      grade: 'II',
      orgUnitId: '2',
      amount: { minor: 500n, currency: 'CNY' },
      team: [{ personId: '4', role: 'PROJECT_MANAGER', window: { from, to: null } }],
      conflictRoles: ['AR', 'SR', 'FR', 'CORE_MEMBER'],
    });
    expect(toProjectCase(project, team, 'ATC', { sponsorConflictOfInterest: true }).conflictRoles).toEqual([
      'AR',
      'SR',
      'FR',
      'CORE_MEMBER',
      'SPONSOR',
    ]);
  });
});
