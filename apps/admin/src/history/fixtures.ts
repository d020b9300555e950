// The history of one authority rule, as the API returns it, for the history tests: created a year ago with a
// ¥50M limit, cut to ¥10M by an ordinary change, then corrected: ¥10M from twenty days before the change.
import type { AuthorityChange } from '../providers/types';

export const RULE_VERSION = {
  id: 4,
  version: 1,
  createdAt: '2025-12-01T12:05:05.432Z',
  updatedAt: '2025-12-01T12:05:05.432Z',
  validFrom: '2025-12-01T12:05:05.432Z',
  validTo: null,
  decisionPoints: ['ATB', 'ATC'],
  grades: ['II', 'III'],
  scopeOrgUnitId: 'o1',
  limitMinor: '5000000000',
  currency: 'CNY',
  name: 'East director: bids and contracts up to 50M',
  holderKind: 'POSITION',
  holderTitle: 'BUSINESS_DEPT_DIRECTOR',
  holderOrgUnitId: 'o1',
  decisionBodyId: null,
  holderRole: null,
  delegableDepth: 1,
};

const cut = { ...RULE_VERSION, version: 2, limitMinor: '1000000000', updatedAt: '2026-12-01T12:10:00.000Z' };
const corrected = { ...cut, version: 3, updatedAt: '2026-12-01T12:20:00.000Z' };

const base = {
  recordType: 'AuthorityRule',
  recordId: '4',
  actorKind: 'USER',
  actorLabel: 'admin@demo.local',
};

export const RULE_HISTORY: AuthorityChange[] = [
  {
    ...base,
    revision: '247',
    recordVersion: 1,
    operation: 'CREATE',
    effectiveFrom: null,
    recordedAt: '2025-12-01T12:05:08.180Z',
    correction: false,
    reason: null,
    before: null,
    after: RULE_VERSION,
  },
  {
    ...base,
    revision: '260',
    recordVersion: 2,
    operation: 'UPDATE',
    effectiveFrom: '2026-12-01T12:10:00.000Z',
    recordedAt: '2026-12-01T12:10:00.000Z',
    correction: false,
    reason: null,
    before: RULE_VERSION,
    after: cut,
  },
  {
    ...base,
    revision: '275',
    recordVersion: 3,
    operation: 'UPDATE',
    effectiveFrom: '2026-11-11T12:00:00.000Z',
    recordedAt: '2026-12-01T12:20:00.000Z',
    correction: true,
    reason: 'The board cut the limit on 11 November',
    before: cut,
    after: corrected,
  },
];
