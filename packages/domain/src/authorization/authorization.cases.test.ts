// The named cases: one row per situation a leader would ask about, on the Region East world (testing/east-region.ts).
// Each row reads: who asks, what differs from the base case (ATB, grade III, SH1, 400,000.00 CNY, at 1 Mar 2026),
// and the outcome: "✓ chain" for each allowing chain, or "CODE@link" for each candidate chain's first failure.
import { authorize, authorityBodyQuorumReachable, whoMayDecide } from './authorize';
import { authorityIndexOf, indexAuthorityState } from './authority-index';
import { revocationImpact, validateDelegation } from './delegation';
import { referenceAuthorize, referenceWhoMayDecide } from './reference';
import {
  T,
  at,
  baseCase,
  delegations,
  draftBase,
  eastRegion,
  justBefore,
  money,
  team,
  win,
} from './testing/east-region';
import type { TriangleRole } from '../roles/roles';
import {
  AuthorityState,
  AuthorizationCase,
  AuthorizationResult,
  DEFAULT_CONFLICT_ROLES,
  Delegation,
  DelegationDraft,
} from './types';

function outcome(result: AuthorizationResult): string[] {
  if (result.allowed) return result.chains.map((ch) => '✓ ' + ch.links.map((l) => l.id).join('>'));
  return result.reasons.map((r) => `${r.code}@${r.linkId ?? '-'}`);
}

const withMax = (maxChainLinks: number): AuthorityState => ({ ...eastRegion, maxChainLinks });
const withDelegation = (id: string, change: Partial<Delegation>): AuthorityState => ({
  ...eastRegion,
  delegations: delegations.map((d) => (d.id === id ? { ...d, ...change } : d)),
});
const withExtra = (d: Delegation): AuthorityState => ({ ...eastRegion, delegations: [...delegations, d] });
const onTeam = (personId: string, role: TriangleRole = 'CORE_MEMBER') => [...team, { personId, role }];

type Row = [
  name: string,
  person: string,
  change: Partial<AuthorizationCase>,
  t: Date,
  expected: string[],
  state?: AuthorityState,
];

const CHAIN_D1 = '✓ R-DIR-EAST>D1';
const CHAIN_D2 = '✓ R-DIR-EAST>D1>D2';
const CHAIN_D3 = '✓ R-DIR-EAST>D1>D2>D3';
const ZHANG_BODIES = ['GRADE_NOT_COVERED@R-BODY-I', 'GRADE_NOT_COVERED@R-BODY-II'];
const USD_CASE = { decisionPoint: 'ATC', orgUnitId: 'CD' } as const;
const GRADE_I = { grade: 'I', decisionPoint: 'ATI' } as const;
const GRADE_II = { grade: 'II', decisionPoint: 'ATI' } as const;

const rows: Row[] = [
  // Limits: equal is allowed, one minor unit over is not, at every link.
  ['limit: equal to the rule limit', 'zhang', { amount: money('5000000.00') }, T, ['✓ R-DIR-EAST']],
  [
    'limit: one fen over the rule limit',
    'zhang',
    { amount: money('5000000.01') },
    T,
    [...ZHANG_BODIES, 'AMOUNT_OVER_LIMIT@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],
  ['limit: equal to the first delegation limit', 'sun', { amount: money('2000000.00') }, T, [CHAIN_D1]],
  [
    'limit: one fen over the first delegation limit',
    'sun',
    { amount: money('2000000.01') },
    T,
    ['AMOUNT_OVER_LIMIT@D1'],
  ],
  ['limit: equal to the second delegation limit', 'zhou', { amount: money('1000000.00') }, T, [CHAIN_D2]],
  [
    'limit: one fen over the second delegation limit',
    'zhou',
    { amount: money('1000000.01') },
    T,
    ['AMOUNT_OVER_LIMIT@D2'],
  ],
  ['limit: equal to the third delegation limit', 'wu', { amount: money('500000.00') }, T, [CHAIN_D3]],
  ['limit: one fen over the third delegation limit', 'wu', { amount: money('500000.01') }, T, ['AMOUNT_OVER_LIMIT@D3']],
  ['limit: zero amount', 'wu', { amount: money('0.00') }, T, [CHAIN_D3]],
  ['limit: equal in USD', 'ma', { ...USD_CASE, amount: money('100000.00', 'USD') }, T, ['✓ R-DIR-WEST-USD']],
  [
    'limit: one cent over in USD (body rules are CNY)',
    'ma',
    { ...USD_CASE, amount: money('100000.01', 'USD') },
    T,
    ['CURRENCY_MISMATCH@R-BODY-I', 'CURRENCY_MISMATCH@R-BODY-II', 'AMOUNT_OVER_LIMIT@R-DIR-WEST-USD'],
  ],
  [
    'limit: delegate equal in USD',
    'niu',
    { ...USD_CASE, amount: money('50000.00', 'USD') },
    T,
    ['✓ R-DIR-WEST-USD>D11'],
  ],
  [
    'limit: delegate one cent over in USD',
    'niu',
    { ...USD_CASE, amount: money('50000.01', 'USD') },
    T,
    ['AMOUNT_OVER_LIMIT@D11'],
  ],
  [
    'limit: one fen over the body rule limit',
    'han',
    { ...GRADE_II, amount: money('50000000.01') },
    T,
    ['AMOUNT_OVER_LIMIT@R-BODY-II'],
  ],
  [
    'limit: one fen over the body delegation limit',
    'han',
    { ...GRADE_II, amount: money('10000000.01') },
    T,
    ['AMOUNT_OVER_LIMIT@D8'],
  ],
  // No limit.
  [
    'no limit: amendment of any size by the industry head',
    'wang',
    { decisionPoint: 'ATAC', orgUnitId: 'HZ', amount: money('99999999999.99') },
    T,
    ['✓ R-HEAD-EAST'],
  ],
  ['no limit: grade I body of any size', 'li', { ...GRADE_I, amount: money('99999999999.99') }, T, ['✓ R-BODY-I']],

  // Windows are half-open: in force at from, at to − 1 ms, not at to.
  ['window: delegation at its from', 'tang', {}, at('2026-01-01'), ['✓ R-DIR-EAST>D12']],
  ['window: delegation 1 ms before its from', 'tang', {}, justBefore('2026-01-01'), ['NOT_IN_FORCE@D12']],
  ['window: delegation at to − 1 ms', 'tang', {}, justBefore('2026-03-01'), ['✓ R-DIR-EAST>D12']],
  ['window: delegation at its to', 'tang', {}, at('2026-03-01'), ['NOT_IN_FORCE@D12']],
  [
    'window: rule at its from',
    'ma',
    { ...USD_CASE, amount: money('1000.00', 'USD') },
    at('2025-01-01'),
    ['✓ R-DIR-WEST-USD'],
  ],
  [
    'window: rule 1 ms before its from',
    'ma',
    { ...USD_CASE, amount: money('1000.00', 'USD') },
    justBefore('2025-01-01'),
    ['NOT_IN_FORCE@R-BODY-I', 'NOT_IN_FORCE@R-BODY-II', 'NOT_IN_FORCE@R-DIR-WEST-USD'],
  ],
  [
    'window: rule at to − 1 ms',
    'ma',
    { ...USD_CASE, amount: money('1000.00', 'USD') },
    justBefore('2026-07-01'),
    ['✓ R-DIR-WEST-USD'],
  ],
  [
    'window: rule at its to',
    'ma',
    { ...USD_CASE, amount: money('1000.00', 'USD') },
    at('2026-07-01'),
    ['CURRENCY_MISMATCH@R-BODY-I', 'CURRENCY_MISMATCH@R-BODY-II', 'NOT_IN_FORCE@R-DIR-WEST-USD'],
  ],
  ['window: third link at its from', 'wu', {}, at('2025-08-01'), [CHAIN_D3]],
  ['window: third link 1 ms before its from', 'wu', {}, justBefore('2025-08-01'), ['NOT_IN_FORCE@D3']],
  [
    'window: third link at to − 1 ms (delegator above already gone)',
    'wu',
    {},
    justBefore('2026-09-01'),
    ['DELEGATOR_LOST_SOURCE@D1'],
  ],
  [
    'window: third link at its to (in force is checked before the delegator)',
    'wu',
    {},
    at('2026-09-01'),
    ['NOT_IN_FORCE@D3'],
  ],
  ['window: second link at its from', 'zhou', {}, at('2025-07-01'), [CHAIN_D2]],
  ['window: second link 1 ms before its from', 'zhou', {}, justBefore('2025-07-01'), ['NOT_IN_FORCE@D2']],
  ['window: second link at its to', 'zhou', {}, at('2026-10-01'), ['NOT_IN_FORCE@D2']],
  ['window: first link at its from', 'sun', {}, at('2025-06-01'), [CHAIN_D1]],
  ['window: first link at to − 1 ms', 'sun', {}, justBefore('2026-12-01'), ['DELEGATOR_LOST_SOURCE@D1']],
  ['window: first link at its to', 'sun', {}, at('2026-12-01'), ['NOT_IN_FORCE@D1']],
  ['as of the past: a month before the base date', 'sun', {}, at('2026-02-01'), [CHAIN_D1]],
  ['as of the future: after the rule ends', 'sun', {}, at('2030-01-01'), ['NOT_IN_FORCE@R-DIR-EAST']],
  ['as of the past: before the rule began', 'sun', {}, at('2024-06-01'), ['NOT_IN_FORCE@R-DIR-EAST']],

  // The delegator must still hold the source at t.
  ['delegator: Zhang still director 1 ms before he leaves', 'sun', {}, justBefore('2026-06-01'), [CHAIN_D1]],
  ['delegator: Zhang left the directorship mid-window', 'sun', {}, at('2026-06-01'), ['DELEGATOR_LOST_SOURCE@D1']],
  [
    'delegator: further down the chain, the lost source shows at its link',
    'zhou',
    {},
    at('2026-06-01'),
    ['DELEGATOR_LOST_SOURCE@D1'],
  ],
  [
    'delegator: Zhang himself after leaving holds only the cyclic chain',
    'zhang',
    {},
    at('2026-06-01'),
    ['CHAIN_CYCLE@D6'],
  ],
  [
    'delegator: a D2 delegator who is not the D1 delegate',
    'zhou',
    {},
    T,
    ['DELEGATOR_LOST_SOURCE@D2'],
    withDelegation('D2', { delegatorId: 'feng' }),
  ],
  [
    'delegator: a body delegation outside the seat holder’s reach',
    'han',
    { ...GRADE_II, orgUnitId: 'WEST' },
    T,
    ['DELEGATOR_LOST_SOURCE@D8'],
  ],
  [
    'delegator: the AR who delegated is no longer on the team',
    'he',
    { decisionPoint: 'ATI', team: [{ personId: 'yan', role: 'SR' }] },
    T,
    ['DELEGATOR_LOST_SOURCE@D9'],
  ],

  // Qualification the delegate must keep holding.
  ['qualification: still valid 1 ms before it lapses', 'zhou', {}, justBefore('2026-04-01'), [CHAIN_D2]],
  ['qualification: lapses mid-delegation', 'zhou', {}, at('2026-04-01'), ['DELEGATE_NOT_QUALIFIED@D2']],
  [
    'qualification: a lapsed link in the middle stops the chain below',
    'wu',
    {},
    at('2026-04-01'),
    ['DELEGATE_NOT_QUALIFIED@D2'],
  ],
  [
    'qualification: level below the requirement',
    'zhou',
    {},
    T,
    ['DELEGATE_NOT_QUALIFIED@D2'],
    withDelegation('D2', { requiredQualification: { role: 'AR', level: 4 } }),
  ],
  [
    'qualification: never assessed for the role',
    'zhou',
    {},
    T,
    ['DELEGATE_NOT_QUALIFIED@D2'],
    withDelegation('D2', { requiredQualification: { role: 'SR', level: 1 } }),
  ],
  [
    'qualification: level exactly the requirement',
    'zhou',
    {},
    T,
    [CHAIN_D2],
    withDelegation('D2', { requiredQualification: { role: 'AR', level: 3 } }),
  ],

  // Re-delegation depth and the longest chain.
  ['depth: re-delegated below a link with depth 0', 'xu', {}, T, ['CHAIN_TOO_DEEP@D3']],
  [
    'depth: delegated from a rule that may not be delegated',
    'lu',
    { decisionPoint: 'ATAC', orgUnitId: 'HZ' },
    T,
    ['CHAIN_TOO_DEEP@R-HEAD-EAST'],
  ],
  ['depth: four links when at most three are allowed', 'wu', {}, T, ['CHAIN_TOO_DEEP@D3'], withMax(3)],
  ['depth: four links when four are allowed', 'wu', {}, T, [CHAIN_D3], withMax(4)],
  ['depth: three links when three are allowed', 'zhou', {}, T, [CHAIN_D2], withMax(3)],
  [
    'depth: five links when four are allowed (the link past the maximum)',
    'xu',
    {},
    T,
    ['CHAIN_TOO_DEEP@D7'],
    withMax(4),
  ],
  [
    'depth: the rule itself when no chain may be that short',
    'zhang',
    {},
    T,
    ['CHAIN_TOO_DEEP@R-BODY-I', 'CHAIN_TOO_DEEP@R-BODY-II', 'CHAIN_TOO_DEEP@R-DIR-EAST', 'CHAIN_TOO_DEEP@R-DIR-EAST'],
    withMax(0),
  ],

  // Revocation: at or before t ends the link and everything below it.
  ['revoked: the revoked delegation itself', 'feng', {}, T, ['REVOKED@D4']],
  ['revoked: a revoked link in the middle of the chain', 'heng', { decisionPoint: 'ATI' }, T, ['REVOKED@D4']],
  [
    'revoked: 1 ms before the revocation',
    'heng',
    { decisionPoint: 'ATI' },
    justBefore('2026-02-01'),
    ['✓ R-DIR-EAST>D1>D4>D5'],
  ],
  ['revoked: at the revocation moment', 'heng', { decisionPoint: 'ATI' }, at('2026-02-01'), ['REVOKED@D4']],
  [
    'revoked: the delegate before the revocation',
    'feng',
    { decisionPoint: 'ATI' },
    justBefore('2026-02-01'),
    ['✓ R-DIR-EAST>D1>D4'],
  ],
  [
    'revoked: revoked in the future does not matter yet',
    'sun',
    {},
    T,
    [CHAIN_D1],
    withDelegation('D1', { revokedAt: at('2026-05-01') }),
  ],

  // Scope: the scope unit and everything below it.
  ['scope: the boundary unit itself', 'sun', { orgUnitId: 'SH' }, T, [CHAIN_D1]],
  ['scope: a unit below the boundary', 'sun', { orgUnitId: 'SH2' }, T, [CHAIN_D1]],
  ['scope: the sibling of the boundary unit', 'sun', { orgUnitId: 'HZ' }, T, ['OUT_OF_SCOPE@D1']],
  ['scope: the parent of the boundary unit', 'sun', { orgUnitId: 'EAST' }, T, ['OUT_OF_SCOPE@D1']],
  ['scope: another region', 'sun', { orgUnitId: 'WEST' }, T, ['OUT_OF_SCOPE@R-DIR-EAST']],
  ['scope: an unknown unit', 'sun', { orgUnitId: 'NOWHERE' }, T, ['OUT_OF_SCOPE@R-DIR-EAST']],
  [
    'scope: sibling of the third link’s scope stops at the second link',
    'wu',
    { orgUnitId: 'SH2' },
    T,
    ['OUT_OF_SCOPE@D2'],
  ],
  ['scope: the rule’s own boundary unit', 'zhang', { orgUnitId: 'EAST' }, T, ['✓ R-DIR-EAST']],
  [
    'scope: outside the rule, and not a seat there either',
    'zhang',
    { orgUnitId: 'WEST' },
    T,
    ['OUT_OF_SCOPE@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],

  // Decision points and grades.
  ['point: ATI covered by every link', 'sun', { decisionPoint: 'ATI' }, T, [CHAIN_D1]],
  ['point: ATC held by the rule, not delegated', 'sun', { decisionPoint: 'ATC' }, T, ['POINT_NOT_COVERED@D1']],
  ['point: ATAC not in the rule', 'sun', { decisionPoint: 'ATAC' }, T, ['POINT_NOT_COVERED@R-DIR-EAST']],
  ['point: ATCC not in the rule', 'sun', { decisionPoint: 'ATCC' }, T, ['POINT_NOT_COVERED@R-DIR-EAST']],
  [
    'point: pool approval not in the rule',
    'sun',
    { decisionPoint: 'POOL_APPROVAL' },
    T,
    ['POINT_NOT_COVERED@R-DIR-EAST'],
  ],
  [
    'point: a body delegation narrower than the body',
    'han',
    { grade: 'II', decisionPoint: 'ATB' },
    T,
    ['POINT_NOT_COVERED@D8'],
  ],
  ['point: the AR’s delegate asked for ATB', 'he', {}, T, ['POINT_NOT_COVERED@D9']],
  [
    'point: ATCC within the delegation window',
    'tang',
    { decisionPoint: 'ATCC' },
    at('2026-02-01'),
    ['POINT_NOT_COVERED@R-DIR-EAST'],
  ],
  ['point: ATC within the delegation window', 'tang', { decisionPoint: 'ATC' }, at('2026-02-01'), ['✓ R-DIR-EAST>D12']],
  ['grade: II not covered by the director rule', 'sun', { grade: 'II' }, T, ['GRADE_NOT_COVERED@R-DIR-EAST']],
  ['grade: I not covered by the director rule', 'sun', { grade: 'I' }, T, ['GRADE_NOT_COVERED@R-DIR-EAST']],

  // Currency.
  [
    'currency: a CNY chain asked in USD',
    'sun',
    { amount: money('400000.00', 'USD') },
    T,
    ['CURRENCY_MISMATCH@R-DIR-EAST'],
  ],
  ['currency: a CNY chain asked in EUR', 'sun', { amount: money('1.00', 'EUR') }, T, ['CURRENCY_MISMATCH@R-DIR-EAST']],
  [
    'currency: a USD chain asked in CNY',
    'niu',
    { ...USD_CASE, amount: money('1.00') },
    T,
    ['CURRENCY_MISMATCH@R-DIR-WEST-USD'],
  ],
  [
    'currency: a JPY case against CNY rules',
    'zhang',
    { amount: money('1', 'JPY') },
    T,
    ['CURRENCY_MISMATCH@R-BODY-I', 'CURRENCY_MISMATCH@R-BODY-II', 'CURRENCY_MISMATCH@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],

  // Conflict of interest: team members may not decide through a position or a body.
  ['conflict: the delegate sits on the project team', 'sun', { team: onTeam('sun') }, T, ['CONFLICT_OF_INTEREST@D1']],
  [
    'conflict: the director sits on the project team',
    'zhang',
    { team: onTeam('zhang', 'SR') },
    T,
    [...ZHANG_BODIES, 'CONFLICT_OF_INTEREST@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],
  [
    'conflict: a membership that ended before t does not count',
    'sun',
    { team: [...team, { personId: 'sun', role: 'SR', window: win('2025-01-01', '2026-01-01') }] },
    T,
    [CHAIN_D1],
  ],
  [
    'conflict: a membership that starts after t does not count',
    'sun',
    { team: [...team, { personId: 'sun', role: 'SR', window: win('2026-06-01', null) }] },
    T,
    [CHAIN_D1],
  ],
  [
    'conflict: a body member on the team',
    'li',
    { ...GRADE_I, team: onTeam('li') },
    T,
    ['CONFLICT_OF_INTEREST@R-BODY-I'],
  ],
  [
    'conflict: the Sponsor takes key decisions (default)',
    'li',
    { ...GRADE_I, team: onTeam('li', 'SPONSOR') },
    T,
    ['✓ R-BODY-I'],
  ],
  [
    'conflict: an Expert is called in, not conflicted',
    'li',
    { ...GRADE_I, team: onTeam('li', 'EXPERT') },
    T,
    ['✓ R-BODY-I'],
  ],
  [
    'conflict: the Sponsor, with the setting that extends it to the Sponsor',
    'li',
    { ...GRADE_I, team: onTeam('li', 'SPONSOR'), conflictRoles: [...DEFAULT_CONFLICT_ROLES, 'SPONSOR'] },
    T,
    ['CONFLICT_OF_INTEREST@R-BODY-I'],
  ],
  [
    'conflict: an AR on the team, with the Sponsor setting too',
    'li',
    { ...GRADE_I, team: onTeam('li', 'AR'), conflictRoles: [...DEFAULT_CONFLICT_ROLES, 'SPONSOR'] },
    T,
    ['GRADE_NOT_COVERED@R-AR', 'CONFLICT_OF_INTEREST@R-BODY-I'],
  ],
  [
    'conflict: an AR on the team (default)',
    'li',
    { ...GRADE_I, team: onTeam('li', 'AR') },
    T,
    ['GRADE_NOT_COVERED@R-AR', 'CONFLICT_OF_INTEREST@R-BODY-I'],
  ],
  [
    'conflict: roles the case does not list are free',
    'sun',
    { team: onTeam('sun', 'FR'), conflictRoles: ['SPONSOR'] },
    T,
    [CHAIN_D1],
  ],
  ['conflict: the project AR decides grade III (exempt)', 'xie', {}, T, ['✓ R-AR']],
  ['conflict: the AR’s delegate (exempt)', 'he', { decisionPoint: 'ATI' }, T, ['✓ R-AR>D9']],
  [
    'conflict: the AR’s delegate is also on the team (still exempt)',
    'he',
    { decisionPoint: 'ATI', team: onTeam('he', 'SR') },
    T,
    ['✓ R-AR>D9'],
  ],
  ['project role: the AR rule over its limit', 'xie', { amount: money('1000000.01') }, T, ['AMOUNT_OVER_LIMIT@R-AR']],
  [
    'project role: Xie is on the team as SR, not AR',
    'xie',
    { team: [{ personId: 'xie', role: 'SR' }] },
    T,
    ['NO_AUTHORITY@-'],
  ],

  // Decision bodies: seats filled by the nearest holder at or above the case's unit.
  ['body: the BU president fills his seat from HQ', 'li', GRADE_I, T, ['✓ R-BODY-I']],
  ['body: the chief engineer fills the director seat (alternative title)', 'chen', GRADE_I, T, ['✓ R-BODY-I']],
  ['body: the East director fills the director seat', 'zhang', GRADE_I, T, ['✓ R-BODY-I']],
  ['body: the finance manager fills the on-demand seat', 'qian', GRADE_I, T, ['✓ R-BODY-I']],
  ['body: the new Shanghai director is nearer from April', 'gao', GRADE_I, at('2026-04-01'), ['✓ R-BODY-I']],
  [
    'body: the East chief engineer no longer fills it for Shanghai',
    'chen',
    GRADE_I,
    at('2026-04-01'),
    ['NO_AUTHORITY@-'],
  ],
  ['body: but still does for Hangzhou', 'chen', { ...GRADE_I, orgUnitId: 'HZ' }, at('2026-04-01'), ['✓ R-BODY-I']],
  [
    'body: Zhang without the seat keeps only his own rule',
    'zhang',
    GRADE_I,
    at('2026-04-01'),
    ['GRADE_NOT_COVERED@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],
  ['body: the West director for a case in Chengdu', 'ma', { ...GRADE_I, orgUnitId: 'CD' }, T, ['✓ R-BODY-I']],
  ['body: the office industry chief engineer in the grade II team', 'zhao', GRADE_II, T, ['✓ R-BODY-II']],
  ['body: the industry head in the grade II team', 'wang', GRADE_II, T, ['✓ R-BODY-II']],
  ['body: a delegate acting in the industry head’s seat', 'han', GRADE_II, T, ['✓ R-BODY-II>D8']],
  ['body: grade II outside the grade I team', 'li', GRADE_II, T, ['GRADE_NOT_COVERED@R-BODY-I']],

  // Cycles, and people with nothing.
  [
    'cycle: Zhang allowed by his own rule, the cycle back to him is ignored',
    'zhang',
    { decisionPoint: 'ATI', orgUnitId: 'EAST' },
    T,
    ['✓ R-DIR-EAST'],
  ],
  [
    'cycle: a delegation back to the rule holder',
    'zhang',
    { orgUnitId: 'SH', amount: money('6000000.00') },
    T,
    [...ZHANG_BODIES, 'AMOUNT_OVER_LIMIT@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],
  [
    'cycle: a delegation back to an earlier delegate',
    'sun',
    { amount: money('2000000.01') },
    T,
    ['AMOUNT_OVER_LIMIT@D1', 'CHAIN_CYCLE@D3B'],
    withExtra({ ...(delegations[2] as Delegation), id: 'D3B', delegateId: 'sun' }),
  ],
  ['no authority: the Shanghai director before taking office', 'gao', {}, T, ['NO_AUTHORITY@-']],
  ['no authority: a team SR', 'yan', {}, T, ['NO_AUTHORITY@-']],
  ['no authority: a stranger', 'nobody', {}, T, ['NO_AUTHORITY@-']],
  ['full chain: rule and three delegations', 'wu', {}, T, [CHAIN_D3]],
  ['full chain: the expired two-month delegation', 'tang', {}, T, ['NOT_IN_FORCE@D12']],
  [
    'full chain: grade I body of a West case is out of Zhang’s reach (grade is checked before scope)',
    'zhang',
    { ...GRADE_I, orgUnitId: 'CD' },
    T,
    ['GRADE_NOT_COVERED@R-DIR-EAST', 'CHAIN_CYCLE@D6'],
  ],
];

describe('authorize: named cases', () => {
  it('has at least 100 rows', () => expect(rows.length).toBeGreaterThanOrEqual(100));

  test.each(rows)('%s (%s)', (_name, person, change, t, expected, state = eastRegion) => {
    const c = { ...baseCase, ...change };
    const result = authorize(person, c, t, state);
    expect(outcome(result)).toEqual(expected);
    expect(result).toEqual(referenceAuthorize(person, c, t, state));
  });
});

describe('authorize: what the answer carries', () => {
  it('gives every link of an allowing chain with its terms', () => {
    const result = authorize('wu', baseCase, T, eastRegion);
    expect(result.allowed).toBe(true);
    const [chain] = result.chains;
    expect(chain?.body).toBeNull();
    expect(chain?.links.map((l) => [l.kind, l.id, l.holderPersonId, l.delegatorId])).toEqual([
      ['RULE', 'R-DIR-EAST', 'zhang', null],
      ['DELEGATION', 'D1', 'sun', 'zhang'],
      ['DELEGATION', 'D2', 'zhou', 'sun'],
      ['DELEGATION', 'D3', 'wu', 'zhou'],
    ]);
    expect(chain?.links[0]).toMatchObject({
      ruleHolder: { kind: 'POSITION', title: 'DIRECTOR', orgUnitId: 'EAST' },
      limit: money('5000000.00'),
      currency: 'CNY',
      scopeOrgUnitId: 'EAST',
    });
    expect(chain?.links[2]).toMatchObject({
      requiredQualification: { role: 'AR', level: 2 },
      decisionPoints: ['ATB'],
      grades: ['III'],
      window: win('2025-07-01', '2026-10-01'),
    });
    expect(result.quorumRequired).toBe(false);
    expect(result.at).toEqual(T);
  });

  it('says when a decision is open only as a member of a body, and which seats', () => {
    const result = authorize('chen', { ...baseCase, ...GRADE_I }, T, eastRegion);
    expect(result.allowed && result.quorumRequired).toBe(true);
    expect(result.chains[0]?.body).toEqual({ bodyId: 'BODY-I', seatTitles: ['DIRECTOR'] });
    const han = authorize('han', { ...baseCase, ...GRADE_II }, T, eastRegion);
    expect(han.chains[0]?.body).toEqual({ bodyId: 'BODY-II', seatTitles: ['INDUSTRY_HEAD'] });
  });

  it('does not require a quorum when the person also has authority of their own', () => {
    const result = authorize('zhang', { ...baseCase, decisionPoint: 'ATI', grade: 'III' }, T, eastRegion);
    expect(result.quorumRequired).toBe(false);
  });

  it('gives the data of each reason', () => {
    const over = authorize('sun', { ...baseCase, amount: money('2000000.01') }, T, eastRegion);
    expect(over.reasons).toEqual([
      {
        code: 'AMOUNT_OVER_LIMIT',
        linkId: 'D1',
        chain: ['R-DIR-EAST', 'D1'],
        data: { linkId: 'D1', limit: money('2000000.00'), amount: money('2000000.01') },
      },
    ]);
    expect(authorize('tang', baseCase, T, eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D12',
      window: win('2026-01-01', '2026-03-01'),
    });
    expect(authorize('feng', baseCase, T, eastRegion).reasons[0]?.data).toEqual({ linkId: 'D4', at: at('2026-02-01') });
    expect(authorize('zhou', baseCase, at('2026-04-01'), eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D2',
      personId: 'zhou',
      role: 'AR',
      required: 2,
      held: null,
    });
    expect(authorize('sun', baseCase, at('2026-06-01'), eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D1',
      delegatorId: 'zhang',
      sourceId: 'R-DIR-EAST',
    });
    expect(authorize('sun', { ...baseCase, team: onTeam('sun') }, T, eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D1',
      personId: 'sun',
      projectId: 'P-1',
    });
    expect(authorize('xu', baseCase, T, eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D3',
      length: 1,
      max: 0,
      cause: 'DELEGABLE_DEPTH',
    });
    expect(authorize('wu', baseCase, T, withMax(3)).reasons[0]?.data).toEqual({
      linkId: 'D3',
      length: 4,
      max: 3,
      cause: 'MAX_LINKS',
    });
    expect(authorize('zhang', baseCase, at('2026-06-01'), eastRegion).reasons[0]?.data).toEqual({
      linkId: 'D6',
      personId: 'zhang',
    });
    expect(authorize('nobody', baseCase, T, eastRegion).reasons).toEqual([
      { code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId: 'nobody' } },
    ]);
  });
});

describe('whoMayDecide', () => {
  const ask = (change: Partial<AuthorizationCase>, t = T, state = eastRegion) => {
    const c = { ...baseCase, ...change };
    const answer = whoMayDecide(c, t, state);
    expect(answer).toEqual(referenceWhoMayDecide(c, t, state));
    return answer;
  };

  it('lists everyone who may take a grade III bid decision, with their chains', () => {
    const answer = ask({});
    expect(answer.deciders.map((d) => d.personId)).toEqual(['sun', 'wu', 'xie', 'zhang', 'zhou']);
    expect(answer.deciders.find((d) => d.personId === 'wu')?.chains.map((ch) => ch.links.map((l) => l.id))).toEqual([
      ['R-DIR-EAST', 'D1', 'D2', 'D3'],
    ]);
    expect(answer.bodies).toEqual([]);
  });

  it('shows the grade I team: seats, who fills each, and quorum', () => {
    const answer = ask(GRADE_I);
    expect(answer.deciders.map((d) => [d.personId, d.quorumRequired])).toEqual([
      ['chen', true],
      ['li', true],
      ['qian', true],
      ['zhang', true],
    ]);
    expect(answer.bodies).toHaveLength(1);
    const [body] = answer.bodies;
    expect(body?.ruleId).toBe('R-BODY-I');
    expect(body?.quorum).toEqual({ kind: 'ALL_FIXED' });
    expect(
      body?.seats.map((s) => [s.title, s.fixed, s.occupants, s.filledBy.map((f) => `${f.personId}:${f.via}`)]),
    ).toEqual([
      ['BU_PRESIDENT', true, ['li'], ['li:DIRECT']],
      ['DIRECTOR', true, ['chen', 'zhang'], ['chen:DIRECT', 'zhang:DIRECT']],
      ['FINANCE_MANAGER', false, ['qian'], ['qian:DIRECT']],
    ]);
    expect(body?.quorumReachable).toBe(true);
  });

  it('cannot reach quorum when a fixed seat holder is conflicted', () => {
    const answer = ask({ ...GRADE_I, team: onTeam('li') });
    expect(answer.deciders.map((d) => d.personId)).toEqual(['chen', 'qian', 'zhang']);
    expect(answer.bodies[0]?.seats[0]?.filledBy).toEqual([]);
    expect(answer.bodies[0]?.quorumReachable).toBe(false);
  });

  it('reaches quorum with the BU president as Sponsor, unless the setting makes the Sponsor conflicted', () => {
    const sponsor = { ...GRADE_I, team: onTeam('li', 'SPONSOR') };
    expect(ask(sponsor).bodies[0]?.quorumReachable).toBe(true);
    expect(ask(sponsor).deciders.map((d) => d.personId)).toContain('li');
    const strict = ask({ ...sponsor, conflictRoles: [...DEFAULT_CONFLICT_ROLES, 'SPONSOR'] });
    expect(strict.deciders.map((d) => d.personId)).not.toContain('li');
    expect(strict.bodies[0]?.quorumReachable).toBe(false);
  });

  it('shows a seat filled by delegation, and an at-least quorum', () => {
    const answer = ask(GRADE_II);
    expect(answer.deciders.map((d) => d.personId)).toEqual(['han', 'wang', 'zhang', 'zhao']);
    const seat = answer.bodies[0]?.seats.find((s) => s.title === 'INDUSTRY_HEAD');
    expect(seat?.filledBy).toEqual([
      { personId: 'han', via: 'DELEGATION' },
      { personId: 'wang', via: 'DIRECT' },
    ]);
    expect(answer.bodies[0]?.quorum).toEqual({ kind: 'AT_LEAST', count: 2 });
    expect(answer.bodies[0]?.quorumReachable).toBe(true);
  });

  it('reaches an at-least quorum only with enough seats', () => {
    const seat = (filled: boolean) => ({
      title: 'X',
      titles: ['X'],
      fixed: true,
      occupants: [],
      filledBy: filled ? [{ personId: 'a', via: 'DIRECT' as const }] : [],
    });
    expect(authorityBodyQuorumReachable({ kind: 'AT_LEAST', count: 2 }, [seat(true), seat(false)])).toBe(false);
    expect(authorityBodyQuorumReachable({ kind: 'AT_LEAST', count: 1 }, [seat(true), seat(false)])).toBe(true);
    expect(authorityBodyQuorumReachable(undefined, [seat(true), seat(false)])).toBe(false);
    expect(authorityBodyQuorumReachable(undefined, [])).toBe(false);
  });

  it('answers as of another time', () => {
    expect(ask(GRADE_I, at('2026-04-01')).deciders.map((d) => d.personId)).toEqual(['gao', 'li', 'qian']);
    expect(ask({}, at('2026-06-01')).deciders.map((d) => d.personId)).toEqual(['xie']);
  });
});

describe('validateDelegation', () => {
  const codes = (
    draft: Partial<DelegationDraft>,
    t = T,
    state: AuthorityState = eastRegion,
    team?: AuthorizationCase['team'],
  ): string[] => {
    const result = validateDelegation({ ...draftBase, ...draft }, t, state, team ? { team } : {});
    return result.ok ? ['OK'] : result.error.map((e) => e.code.replace('DELEGATION.', ''));
  };
  type VRow = [
    name: string,
    draft: Partial<DelegationDraft>,
    expected: string[],
    t?: Date,
    state?: AuthorityState,
    team?: AuthorizationCase['team'],
  ];
  const vrows: VRow[] = [
    ['a valid re-delegation', {}, ['OK']],
    ['the limit equal to the source', { limit: money('2000000.00').minor }, ['OK']],
    ['the limit one fen over the source', { limit: money('2000000.01').minor }, ['EXCEEDS_LIMIT']],
    ['no limit under a limited source', { limit: null }, ['EXCEEDS_LIMIT']],
    ['another currency', { currency: 'USD' }, ['CURRENCY_MISMATCH']],
    ['a decision point the source lacks', { decisionPoints: ['ATI', 'ATC'] }, ['EXCEEDS_POINTS']],
    ['a grade the source lacks', { grades: ['II', 'III'] }, ['EXCEEDS_GRADES']],
    ['a wider scope', { scopeOrgUnitId: 'EAST' }, ['EXCEEDS_SCOPE']],
    ['a sibling scope', { scopeOrgUnitId: 'HZ' }, ['EXCEEDS_SCOPE']],
    ['the window ending with the source', { window: win('2026-03-01', '2026-12-01') }, ['OK']],
    [
      'the window 1 ms past the source',
      { window: { from: at('2026-03-01'), to: new Date(at('2026-12-01').getTime() + 1) } },
      ['WINDOW_OUTSIDE_SOURCE'],
    ],
    ['an open window under a closed source', { window: win('2026-03-01', null) }, ['WINDOW_OUTSIDE_SOURCE']],
    ['a window starting before the source', { window: win('2025-05-31', '2026-06-01') }, ['WINDOW_OUTSIDE_SOURCE']],
    ['an empty window', { window: win('2026-03-01', '2026-03-01') }, ['INVALID_WINDOW']],
    ['depth at the most the source allows', { redelegableDepth: 2 }, ['OK']],
    ['depth beyond the source', { redelegableDepth: 3 }, ['EXCEEDS_DEPTH']],
    ['a negative depth', { redelegableDepth: -1 }, ['INVALID_DEPTH']],
    [
      'from a link whose depth is exhausted',
      {
        source: { kind: 'DELEGATION', id: 'D3' },
        delegatorId: 'wu',
        decisionPoints: ['ATB'],
        scopeOrgUnitId: 'SH1',
        limit: money('400000.00').minor,
        redelegableDepth: 0,
      },
      ['DEPTH_EXHAUSTED'],
    ],
    ['to oneself', { delegateId: 'sun' }, ['SELF_DELEGATION']],
    ['back to the rule holder', { delegateId: 'zhang' }, ['CYCLE']],
    [
      'back to an earlier delegate',
      {
        source: { kind: 'DELEGATION', id: 'D2' },
        delegatorId: 'zhou',
        delegateId: 'sun',
        decisionPoints: ['ATB'],
        scopeOrgUnitId: 'SH1',
        limit: money('900000.00').minor,
        redelegableDepth: 1,
      },
      ['CYCLE'],
    ],
    [
      'an edit that would make a delegation its own ancestor',
      {
        id: 'D1',
        source: { kind: 'DELEGATION', id: 'D2' },
        delegatorId: 'zhou',
        decisionPoints: ['ATB'],
        scopeOrgUnitId: 'SH1',
        limit: money('900000.00').minor,
        redelegableDepth: 1,
      },
      ['CYCLE'],
    ],
    ['a blank reason', { reason: '   ' }, ['MISSING_REASON']],
    ['a delegator who is not the source delegate', { delegatorId: 'wu' }, ['DELEGATOR_NOT_HOLDER']],
    [
      'from the rule by its holder',
      { source: { kind: 'RULE', id: 'R-DIR-EAST' }, delegatorId: 'zhang', scopeOrgUnitId: 'SH2', redelegableDepth: 3 },
      ['OK'],
    ],
    [
      'from the rule after the holder left',
      { source: { kind: 'RULE', id: 'R-DIR-EAST' }, delegatorId: 'zhang', window: win('2026-06-01', '2026-09-01') },
      ['DELEGATOR_NOT_HOLDER'],
      at('2026-06-01'),
    ],
    [
      'from a revoked delegation',
      { source: { kind: 'DELEGATION', id: 'D4' }, delegatorId: 'feng', redelegableDepth: 0 },
      ['DELEGATOR_NOT_HOLDER'],
    ],
    [
      'below a revoked delegation',
      {
        source: { kind: 'DELEGATION', id: 'D5' },
        delegatorId: 'heng',
        limit: money('900000.00').minor,
        redelegableDepth: 0,
      },
      ['DELEGATOR_NOT_HOLDER', 'DEPTH_EXHAUSTED'],
    ],
    [
      'from an expired delegation',
      {
        source: { kind: 'DELEGATION', id: 'D12' },
        delegatorId: 'tang',
        window: win('2026-01-15', '2026-02-15'),
        redelegableDepth: 0,
      },
      ['DELEGATOR_NOT_HOLDER', 'DEPTH_EXHAUSTED'],
    ],
    ['from an unknown source', { source: { kind: 'RULE', id: 'R-NONE' } }, ['UNKNOWN_SOURCE']],
    [
      'from a body seat holder',
      {
        source: { kind: 'RULE', id: 'R-BODY-II' },
        delegatorId: 'wang',
        grades: ['II'],
        scopeOrgUnitId: 'EAST',
        redelegableDepth: 0,
      },
      ['OK'],
    ],
    [
      'from a body by someone without a seat there',
      {
        source: { kind: 'RULE', id: 'R-BODY-II' },
        delegatorId: 'li',
        grades: ['II'],
        scopeOrgUnitId: 'EAST',
        redelegableDepth: 0,
      },
      ['DELEGATOR_NOT_HOLDER'],
    ],
    [
      'from the project AR, without the team',
      {
        source: { kind: 'RULE', id: 'R-AR' },
        delegatorId: 'xie',
        window: win('2026-03-01', null),
        limit: money('500000.00').minor,
        redelegableDepth: 0,
      },
      ['DELEGATOR_NOT_HOLDER'],
    ],
    [
      'from the project AR, with the team',
      {
        source: { kind: 'RULE', id: 'R-AR' },
        delegatorId: 'xie',
        window: win('2026-03-01', null),
        limit: money('500000.00').minor,
        redelegableDepth: 0,
      },
      ['OK'],
      T,
      eastRegion,
      team,
    ],
    [
      'from someone not the AR of the team',
      {
        source: { kind: 'RULE', id: 'R-AR' },
        delegatorId: 'yan',
        window: win('2026-03-01', null),
        limit: money('500000.00').minor,
        redelegableDepth: 0,
      },
      ['DELEGATOR_NOT_HOLDER'],
      T,
      eastRegion,
      team,
    ],
    ['a delegate holding the required qualification', { requiredQualification: { role: 'SR', level: 2 } }, ['OK']],
    [
      'a delegate below the required qualification',
      { requiredQualification: { role: 'SR', level: 3 } },
      ['DELEGATE_NOT_QUALIFIED'],
    ],
    [
      'one link too many for the longest chain',
      {
        source: { kind: 'DELEGATION', id: 'D2' },
        delegatorId: 'zhou',
        decisionPoints: ['ATB'],
        scopeOrgUnitId: 'SH1',
        limit: money('900000.00').minor,
        redelegableDepth: 0,
      },
      ['CHAIN_TOO_DEEP'],
      T,
      withMax(3),
    ],
    [
      'several excesses at once',
      { decisionPoints: ['ATCC'], grades: ['I'], limit: money('3000000.00').minor },
      ['EXCEEDS_POINTS', 'EXCEEDS_GRADES', 'EXCEEDS_LIMIT'],
    ],
  ];
  test.each(vrows)('%s', (_name, draft, expected, t = T, state = eastRegion, members) => {
    expect(codes(draft, t, state, members)).toEqual(expected);
  });

  it('gives the data of the excess', () => {
    const result = validateDelegation(
      { ...draftBase, limit: money('2000000.01').minor, decisionPoints: ['ATI', 'ATC'] },
      T,
      eastRegion,
    );
    expect(result.ok ? [] : result.error).toEqual([
      { code: 'DELEGATION.EXCEEDS_POINTS', data: { extra: ['ATC'], source: ['ATI', 'ATB'] } },
      { code: 'DELEGATION.EXCEEDS_LIMIT', data: { limit: money('2000000.01'), sourceLimit: money('2000000.00') } },
    ]);
  });
});

describe('revocationImpact', () => {
  const ids = (id: string, t: Date) => {
    const result = revocationImpact(id, t, eastRegion);
    return result.ok ? result.value.map((d) => d.id) : [result.error.code];
  };
  it('ends the delegation first, then everything below it, skipping what was revoked before', () => {
    expect(ids('D1', T)).toEqual(['D1', 'D2', 'D6', 'D3', 'D7']);
  });
  it('answers as of a time before the earlier revocation', () => {
    expect(ids('D1', at('2026-01-01'))).toEqual(['D1', 'D2', 'D4', 'D6', 'D3', 'D5', 'D7']);
  });
  it('keeps a delegation revoked exactly at t (not before it)', () => {
    expect(ids('D1', at('2026-02-01'))).toEqual(['D1', 'D2', 'D4', 'D6', 'D3', 'D5', 'D7']);
  });
  it('ends a leaf alone', () => expect(ids('D7', T)).toEqual(['D7']));
  it('refuses a delegation revoked before t, and an unknown one', () => {
    expect(ids('D4', T)).toEqual(['DELEGATION.ALREADY_REVOKED']);
    expect(ids('D404', T)).toEqual(['DELEGATION.UNKNOWN']);
  });
});

describe('the index', () => {
  it('refuses an invalid org tree', () => {
    const broken = { ...eastRegion, orgUnits: [...eastRegion.orgUnits, { id: 'X', parentId: 'MISSING' }] };
    expect(indexAuthorityState(broken)).toMatchObject({ ok: false, error: { code: 'ORG.ORPHAN' } });
    expect(() => authorize('li', baseCase, T, broken)).toThrow('ORG.ORPHAN');
  });
  it('is built once per state and reused', () => {
    expect(authorityIndexOf(eastRegion)).toBe(authorityIndexOf(eastRegion));
    const ix = authorityIndexOf(eastRegion);
    expect(authorityIndexOf(ix)).toBe(ix);
  });
  it('leaves out delegations whose sources never reach a rule', () => {
    const state = {
      ...eastRegion,
      delegations: [
        ...delegations,
        {
          ...(delegations[0] as Delegation),
          id: 'LOOP-A',
          source: { kind: 'DELEGATION' as const, id: 'LOOP-B' },
          delegateId: 'loop',
        },
        {
          ...(delegations[0] as Delegation),
          id: 'LOOP-B',
          source: { kind: 'DELEGATION' as const, id: 'LOOP-A' },
          delegateId: 'loop',
        },
        {
          ...(delegations[0] as Delegation),
          id: 'ORPHAN',
          source: { kind: 'DELEGATION' as const, id: 'NONE' },
          delegateId: 'loop',
        },
        {
          ...(delegations[0] as Delegation),
          id: 'BELOW-LOOP',
          source: { kind: 'DELEGATION' as const, id: 'LOOP-A' },
          delegateId: 'loop',
        },
      ],
    };
    expect(authorize('loop', baseCase, T, state)).toEqual(referenceAuthorize('loop', baseCase, T, state));
    expect(outcome(authorize('loop', baseCase, T, state))).toEqual(['NO_AUTHORITY@-']);
    expect(validateDelegation({ ...draftBase, source: { kind: 'DELEGATION', id: 'LOOP-A' } }, T, state)).toMatchObject({
      ok: false,
      error: [{ code: 'DELEGATION.UNKNOWN_SOURCE' }],
    });
  });
});

describe('the compact index, where it cannot fold (same answers as the reference)', () => {
  const persons = ['zhang', 'sun', 'zhou', 'wu', 'feng', 'li', 'han', 'wang', 'tang', 'ma', 'niu', 'nobody'];
  const same = (state: AuthorityState, c: AuthorizationCase): void => {
    for (const person of persons)
      expect(authorize(person, c, T, state)).toEqual(referenceAuthorize(person, c, T, state));
  };

  it('compares limits and amounts beyond 2^53 as bigints', () => {
    const huge = 2n ** 60n;
    const state: AuthorityState = {
      ...eastRegion,
      rules: eastRegion.rules.map((r) => ({ ...r, limit: r.limit === null ? null : huge })),
      delegations: delegations.map((d) => (d.id === 'D1' ? { ...d, limit: huge - 1n } : d)),
    };
    for (const minor of [1n, huge - 2n, huge - 1n, huge, huge + 1n])
      same(state, { ...baseCase, amount: { minor, currency: 'CNY' } });
    same(eastRegion, { ...baseCase, amount: { minor: huge, currency: 'CNY' } });
  });

  it('asks qualificationAt for a person with an invalid assessment date', () => {
    const invalid = {
      assessmentId: 'bad',
      personId: 'zhou',
      role: 'AR' as const,
      level: 5,
      assessedAt: new Date(NaN),
      validUntil: null,
      certifying: true,
    };
    for (const certifications of [
      [invalid, ...eastRegion.certifications],
      [...eastRegion.certifications, invalid],
    ]) {
      same({ ...eastRegion, certifications }, baseCase);
    }
  });

  it('judges a person with more candidate chains than its scratch space first holds', () => {
    const d1 = delegations.find((d) => d.id === 'D1') as Delegation;
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...d1,
      id: `MANY-${String(i).padStart(3, '0')}`,
      delegateId: 'many',
      limit: BigInt(i) * 100n,
    }));
    const state: AuthorityState = { ...eastRegion, delegations: [...delegations, ...many] };
    for (const minor of [0n, 5_000n, 20_000n]) {
      const c = { ...baseCase, amount: { minor, currency: 'CNY' } };
      expect(authorize('many', c, T, state)).toEqual(referenceAuthorize('many', c, T, state));
    }
  });
});
