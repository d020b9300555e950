// A small named world for the case table: Region East with offices, positions, two decision bodies, rules and chains.
import { Money, parseMoney } from '../../money/money';
import type { CertificationRecord } from '../../qualification/held';
import type { TimeWindow } from '../../time/window';
import type { AuthorityState, AuthorizationCase, Delegation, DelegationDraft } from '../types';

export const at = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);
/** One millisecond before the moment. */
export const justBefore = (iso: string): Date => new Date(at(iso).getTime() - 1);
export const win = (from: string, to: string | null): TimeWindow => ({
  from: at(from),
  to: to === null ? null : at(to),
});

export function money(amount: string, currency = 'CNY'): Money {
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.value;
}
const minor = (amount: string, currency = 'CNY'): bigint => money(amount, currency).minor;

/** The moment most rows ask about. */
export const T = at('2026-03-01');

/*
 * HQ ─┬─ EAST ─┬─ SH ─┬─ SH1
 *     │        │      └─ SH2
 *     │        └─ HZ
 *     └─ WEST ── CD
 */
const orgUnits = [
  { id: 'HQ', parentId: null },
  { id: 'EAST', parentId: 'HQ' },
  { id: 'SH', parentId: 'EAST' },
  { id: 'SH1', parentId: 'SH' },
  { id: 'SH2', parentId: 'SH' },
  { id: 'HZ', parentId: 'EAST' },
  { id: 'WEST', parentId: 'HQ' },
  { id: 'CD', parentId: 'WEST' },
];

const positions = [
  { id: 'pos-li', personId: 'li', title: 'BU_PRESIDENT', orgUnitId: 'HQ', window: win('2025-01-01', null) },
  // Zhang leaves the East directorship on 1 June 2026, in the middle of the windows of his delegations.
  { id: 'pos-zhang', personId: 'zhang', title: 'DIRECTOR', orgUnitId: 'EAST', window: win('2025-01-01', '2026-06-01') },
  { id: 'pos-chen', personId: 'chen', title: 'CHIEF_ENGINEER', orgUnitId: 'EAST', window: win('2025-01-01', null) },
  { id: 'pos-wang', personId: 'wang', title: 'INDUSTRY_HEAD', orgUnitId: 'EAST', window: win('2025-01-01', null) },
  {
    id: 'pos-zhao',
    personId: 'zhao',
    title: 'INDUSTRY_CHIEF_ENGINEER',
    orgUnitId: 'SH',
    window: win('2025-01-01', null),
  },
  { id: 'pos-qian', personId: 'qian', title: 'FINANCE_MANAGER', orgUnitId: 'SH', window: win('2025-01-01', null) },
  { id: 'pos-ma', personId: 'ma', title: 'DIRECTOR', orgUnitId: 'WEST', window: win('2024-01-01', null) },
  // Shanghai gets its own director from 1 April 2026: the nearer holder then takes the body's DIRECTOR seat there.
  { id: 'pos-gao', personId: 'gao', title: 'DIRECTOR', orgUnitId: 'SH', window: win('2026-04-01', null) },
];

const bodies = [
  {
    id: 'BODY-I',
    name: 'Grade I decision team',
    seats: [
      { title: 'BU_PRESIDENT', fixed: true },
      { title: 'DIRECTOR', alternativeTitles: ['CHIEF_ENGINEER'], fixed: true },
      { title: 'FINANCE_MANAGER', fixed: false },
    ],
  },
  {
    id: 'BODY-II',
    name: 'Grade II decision team',
    seats: [
      { title: 'DIRECTOR', fixed: true },
      { title: 'INDUSTRY_HEAD', fixed: true },
      { title: 'INDUSTRY_CHIEF_ENGINEER', fixed: true },
    ],
    quorum: { kind: 'AT_LEAST' as const, count: 2 },
  },
];

const rules = [
  {
    id: 'R-DIR-EAST',
    holder: { kind: 'POSITION' as const, title: 'DIRECTOR', orgUnitId: 'EAST' },
    decisionPoints: ['ATI', 'ATB', 'ATC'] as const,
    grades: ['III'] as const,
    scopeOrgUnitId: 'EAST',
    currency: 'CNY',
    limit: minor('5000000.00'),
    window: win('2025-01-01', '2027-01-01'),
    delegableDepth: 4,
  },
  {
    id: 'R-BODY-I',
    holder: { kind: 'DECISION_BODY' as const, bodyId: 'BODY-I' },
    decisionPoints: ['ATI', 'ATB', 'ATC'] as const,
    grades: ['I'] as const,
    scopeOrgUnitId: 'HQ',
    currency: 'CNY',
    limit: null,
    window: win('2025-01-01', null),
    delegableDepth: 1,
  },
  {
    id: 'R-BODY-II',
    holder: { kind: 'DECISION_BODY' as const, bodyId: 'BODY-II' },
    decisionPoints: ['ATI', 'ATB', 'ATC'] as const,
    grades: ['II'] as const,
    scopeOrgUnitId: 'HQ',
    currency: 'CNY',
    limit: minor('50000000.00'),
    window: win('2025-01-01', null),
    delegableDepth: 1,
  },
  {
    id: 'R-AR',
    holder: { kind: 'PROJECT_ROLE' as const, role: 'AR' as const },
    decisionPoints: ['ATI', 'ATB'] as const,
    grades: ['III'] as const,
    scopeOrgUnitId: 'HQ',
    currency: 'CNY',
    limit: minor('1000000.00'),
    window: win('2025-01-01', null),
    delegableDepth: 1,
  },
  {
    id: 'R-HEAD-EAST',
    holder: { kind: 'POSITION' as const, title: 'INDUSTRY_HEAD', orgUnitId: 'EAST' },
    decisionPoints: ['ATAC'] as const,
    grades: ['I', 'II', 'III'] as const,
    scopeOrgUnitId: 'EAST',
    currency: 'CNY',
    limit: null,
    window: win('2025-01-01', null),
    delegableDepth: 0,
  },
  {
    id: 'R-DIR-WEST-USD',
    holder: { kind: 'POSITION' as const, title: 'DIRECTOR', orgUnitId: 'WEST' },
    decisionPoints: ['ATC'] as const,
    grades: ['III'] as const,
    scopeOrgUnitId: 'WEST',
    currency: 'USD',
    limit: minor('100000.00', 'USD'),
    window: win('2025-01-01', '2026-07-01'),
    delegableDepth: 1,
  },
];

const base = { requiredQualification: null, reason: 'covering while travelling', revokedAt: null };
export const delegations: Delegation[] = [
  {
    ...base,
    id: 'D1',
    source: { kind: 'RULE', id: 'R-DIR-EAST' },
    delegatorId: 'zhang',
    delegateId: 'sun',
    decisionPoints: ['ATI', 'ATB'],
    grades: ['III'],
    scopeOrgUnitId: 'SH',
    currency: 'CNY',
    limit: minor('2000000.00'),
    window: win('2025-06-01', '2026-12-01'),
    redelegableDepth: 3,
  },
  {
    ...base,
    id: 'D2',
    source: { kind: 'DELEGATION', id: 'D1' },
    delegatorId: 'sun',
    delegateId: 'zhou',
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: 'SH1',
    currency: 'CNY',
    limit: minor('1000000.00'),
    window: win('2025-07-01', '2026-10-01'),
    redelegableDepth: 2,
    requiredQualification: { role: 'AR', level: 2 },
  },
  {
    ...base,
    id: 'D3',
    source: { kind: 'DELEGATION', id: 'D2' },
    delegatorId: 'zhou',
    delegateId: 'wu',
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: 'SH1',
    currency: 'CNY',
    limit: minor('500000.00'),
    window: win('2025-08-01', '2026-09-01'),
    redelegableDepth: 0,
  },
  // Revoked on 1 February 2026: D5 below it ends with it.
  {
    ...base,
    id: 'D4',
    source: { kind: 'DELEGATION', id: 'D1' },
    delegatorId: 'sun',
    delegateId: 'feng',
    decisionPoints: ['ATI'],
    grades: ['III'],
    scopeOrgUnitId: 'SH',
    currency: 'CNY',
    limit: minor('2000000.00'),
    window: win('2025-06-01', '2026-12-01'),
    redelegableDepth: 1,
    revokedAt: at('2026-02-01'),
  },
  {
    ...base,
    id: 'D5',
    source: { kind: 'DELEGATION', id: 'D4' },
    delegatorId: 'feng',
    delegateId: 'heng',
    decisionPoints: ['ATI'],
    grades: ['III'],
    scopeOrgUnitId: 'SH',
    currency: 'CNY',
    limit: minor('1000000.00'),
    window: win('2025-06-01', '2026-12-01'),
    redelegableDepth: 0,
  },
  // Back to the rule's own holder: a cycle.
  {
    ...base,
    id: 'D6',
    source: { kind: 'DELEGATION', id: 'D1' },
    delegatorId: 'sun',
    delegateId: 'zhang',
    decisionPoints: ['ATI'],
    grades: ['III'],
    scopeOrgUnitId: 'SH',
    currency: 'CNY',
    limit: minor('1000000.00'),
    window: win('2025-06-01', '2026-12-01'),
    redelegableDepth: 0,
  },
  // Below D3, whose re-delegation depth is 0: depth exhausted.
  {
    ...base,
    id: 'D7',
    source: { kind: 'DELEGATION', id: 'D3' },
    delegatorId: 'wu',
    delegateId: 'xu',
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: 'SH1',
    currency: 'CNY',
    limit: minor('500000.00'),
    window: win('2025-08-01', '2026-09-01'),
    redelegableDepth: 0,
  },
  // From a body seat (Wang fills INDUSTRY_HEAD) to Han, who then acts in that seat.
  {
    ...base,
    id: 'D8',
    source: { kind: 'RULE', id: 'R-BODY-II' },
    delegatorId: 'wang',
    delegateId: 'han',
    decisionPoints: ['ATI'],
    grades: ['II'],
    scopeOrgUnitId: 'EAST',
    currency: 'CNY',
    limit: minor('10000000.00'),
    window: win('2025-06-01', null),
    redelegableDepth: 0,
  },
  // From the project's AR.
  {
    ...base,
    id: 'D9',
    source: { kind: 'RULE', id: 'R-AR' },
    delegatorId: 'xie',
    delegateId: 'he',
    decisionPoints: ['ATI'],
    grades: ['III'],
    scopeOrgUnitId: 'HQ',
    currency: 'CNY',
    limit: minor('500000.00'),
    window: win('2025-06-01', null),
    redelegableDepth: 0,
  },
  // From a rule that may not be delegated at all.
  {
    ...base,
    id: 'D10',
    source: { kind: 'RULE', id: 'R-HEAD-EAST' },
    delegatorId: 'wang',
    delegateId: 'lu',
    decisionPoints: ['ATAC'],
    grades: ['III'],
    scopeOrgUnitId: 'EAST',
    currency: 'CNY',
    limit: null,
    window: win('2025-06-01', null),
    redelegableDepth: 0,
  },
  {
    ...base,
    id: 'D11',
    source: { kind: 'RULE', id: 'R-DIR-WEST-USD' },
    delegatorId: 'ma',
    delegateId: 'niu',
    decisionPoints: ['ATC'],
    grades: ['III'],
    scopeOrgUnitId: 'CD',
    currency: 'USD',
    limit: minor('50000.00', 'USD'),
    window: win('2025-06-01', '2026-07-01'),
    redelegableDepth: 0,
  },
  // A two-month delegation: in force on [1 Jan, 1 Mar 2026).
  {
    ...base,
    id: 'D12',
    source: { kind: 'RULE', id: 'R-DIR-EAST' },
    delegatorId: 'zhang',
    delegateId: 'tang',
    decisionPoints: ['ATI', 'ATB', 'ATC'],
    grades: ['III'],
    scopeOrgUnitId: 'EAST',
    currency: 'CNY',
    limit: minor('5000000.00'),
    window: win('2026-01-01', '2026-03-01'),
    redelegableDepth: 0,
  },
];

const certifications: CertificationRecord[] = [
  // Zhou's AR level 3 lapses on 1 April 2026, half way through D2.
  {
    assessmentId: 'as-zhou',
    personId: 'zhou',
    role: 'AR',
    level: 3,
    assessedAt: at('2025-01-01'),
    validUntil: at('2026-04-01'),
    certifying: true,
  },
  {
    assessmentId: 'as-wu',
    personId: 'wu',
    role: 'AR',
    level: 1,
    assessedAt: at('2025-01-01'),
    validUntil: null,
    certifying: true,
  },
  {
    assessmentId: 'as-mei',
    personId: 'mei',
    role: 'SR',
    level: 2,
    assessedAt: at('2025-01-01'),
    validUntil: null,
    certifying: true,
  },
];

export const eastRegion: AuthorityState = {
  orgUnits,
  positions,
  bodies,
  rules: rules as AuthorityState['rules'],
  delegations,
  certifications,
};

export const team = [
  { personId: 'xie', role: 'AR' as const },
  { personId: 'yan', role: 'SR' as const },
  { personId: 'qiu', role: 'FR' as const },
];

/** ATB on a grade III project in Shanghai office 1 for 400,000.00 CNY, with Xie (AR), Yan (SR), Qiu (FR). */
export const baseCase: AuthorizationCase = {
  projectId: 'P-1',
  decisionPoint: 'ATB',
  grade: 'III',
  orgUnitId: 'SH1',
  amount: money('400000.00'),
  team,
};

/** A valid re-delegation of D1 from Sun to Mei, to vary one field at a time. */
export const draftBase: DelegationDraft = {
  source: { kind: 'DELEGATION', id: 'D1' },
  delegatorId: 'sun',
  delegateId: 'mei',
  decisionPoints: ['ATI'],
  grades: ['III'],
  scopeOrgUnitId: 'SH2',
  currency: 'CNY',
  limit: minor('1500000.00'),
  window: win('2026-03-01', '2026-06-01'),
  redelegableDepth: 1,
  requiredQualification: null,
  reason: 'covers Shanghai 2 during the tender',
};
