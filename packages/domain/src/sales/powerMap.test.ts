import fc from 'fast-check';
import {
  ATTITUDES,
  ATTITUDE_SCALE,
  AccountMap,
  DECISION_ROLES,
  DECISION_ROLE_NAMES,
  INFLUENCE_LEVELS,
  MappedStakeholder,
  attitudeAt,
  attitudeMeaning,
  checkDecisionMakerForAti,
  checkReportsTo,
  hasDecisionMaker,
  isAttitude,
  isHostile,
  keyAccountWarnings,
  overduePlanActions,
} from './powerMap';

const d = (iso: string) => new Date(iso);
const AT = d('2026-03-01T00:00:00Z');

describe('the attitude scale (DOMAIN.md §4)', () => {
  it('runs from +3 to −3 with the meanings of the domain, named in both languages', () => {
    expect(ATTITUDE_SCALE.map((m) => [m.value, m.code])).toEqual([
      [3, 'STRONG_EXCLUSIVE_SUPPORT'],
      [2, 'GOOD_BUSINESS_RELATIONSHIP'],
      [1, 'WEAK_SUPPORT'],
      [0, 'NEUTRAL'],
      [-1, 'WEAK_OPPOSITION'],
      [-2, 'NO_SUPPORT'],
      [-3, 'STRONG_OPPOSITION'],
    ]);
    for (const m of ATTITUDE_SCALE) expect(m.name['zh-CN'].length * m.name.en.length).toBeGreaterThan(0);
    expect(attitudeMeaning(-2).code).toBe('NO_SUPPORT');
  });

  it('accepts only whole values in −3..+3', () => {
    expect(ATTITUDES.every(isAttitude)).toBe(true);
    for (const v of [4, -4, 0.5, '1', null, Number.NaN]) expect(isAttitude(v)).toBe(false);
  });

  it('hostile is −1 or below', () => {
    expect(ATTITUDES.filter(isHostile)).toEqual([-1, -2, -3]);
  });

  it('names the roles and influence levels', () => {
    expect(DECISION_ROLES).toContain('DECISION_MAKER');
    expect(DECISION_ROLE_NAMES.GATEKEEPER.en).toBe('gatekeeper');
    expect(INFLUENCE_LEVELS).toEqual(['HIGH', 'MEDIUM', 'LOW']);
  });
});

describe('attitudeAt: history, not overwrite', () => {
  const history = [
    { attitude: -2 as const, at: d('2026-01-01T00:00:00Z') },
    { attitude: 1 as const, at: d('2026-02-01T00:00:00Z') },
    { attitude: 3 as const, at: d('2026-04-01T00:00:00Z') },
  ];
  it('the latest record at or before `at`', () => {
    expect(attitudeAt(history, d('2025-12-31T23:59:59Z'))).toBeNull();
    expect(attitudeAt(history, d('2026-01-01T00:00:00Z'))).toBe(-2);
    expect(attitudeAt(history, d('2026-02-01T00:00:00Z'))).toBe(1);
    expect(attitudeAt(history, AT)).toBe(1);
    expect(attitudeAt([...history].reverse(), d('2026-05-01T00:00:00Z'))).toBe(3);
    expect(attitudeAt([], AT)).toBeNull();
  });
  it('on a tie in time the later record wins', () => {
    const t = d('2026-01-01T00:00:00Z');
    expect(
      attitudeAt(
        [
          { attitude: 0, at: t },
          { attitude: -1, at: t },
        ],
        AT,
      ),
    ).toBe(-1);
  });
  it('property: equals the last of the records up to `at` sorted stably by time', () => {
    const records = fc.array(
      fc.record({
        attitude: fc.constantFrom(...ATTITUDES),
        at: fc.integer({ min: 0, max: 20 }).map((x) => d(`2026-01-${String(x + 1).padStart(2, '0')}T00:00:00Z`)),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(records, fc.integer({ min: 0, max: 22 }), (list, day) => {
        const at = d(`2026-01-${String(day + 1).padStart(2, '0')}T00:00:00Z`);
        const seen = list.filter((r) => r.at <= at);
        const sorted = seen.map((r, i) => ({ r, i })).sort((a, b) => a.r.at.getTime() - b.r.at.getTime() || a.i - b.i);
        expect(attitudeAt(list, at)).toBe(sorted.length ? sorted[sorted.length - 1]?.r.attitude : null);
      }),
    );
  });
});

describe('keyAccountWarnings', () => {
  const maker = (id: string, ...attitudes: [number, string][]): MappedStakeholder => ({
    id,
    role: 'DECISION_MAKER',
    attitudes: attitudes.map(([attitude, at]) => ({ attitude: attitude as 0, at: d(at) })),
  });
  const influencer: MappedStakeholder = {
    id: 'i1',
    role: 'INFLUENCER',
    attitudes: [{ attitude: -3, at: d('2026-01-01T00:00:00Z') }],
  };

  it('flags a key account with no decision maker, a hostile one (≤ −1), or one of unknown attitude', () => {
    const accounts: AccountMap[] = [
      { customerId: 'c-none', tier: 'S', stakeholders: [influencer] },
      { customerId: 'c-hostile', tier: 'A', stakeholders: [maker('m1', [-1, '2026-01-01T00:00:00Z'])] },
      { customerId: 'c-neutral', tier: 'S', stakeholders: [maker('m2', [0, '2026-01-01T00:00:00Z']), influencer] },
      { customerId: 'c-unknown', tier: 'S', stakeholders: [maker('m3', [3, '2026-03-02T00:00:00Z'])] },
      {
        customerId: 'c-both',
        tier: 'S',
        stakeholders: [
          maker('m4', [-3, '2026-01-01T00:00:00Z']),
          maker('m5'),
          maker('m6', [2, '2026-01-01T00:00:00Z']),
        ],
      },
      { customerId: 'c-b-tier', tier: 'B', stakeholders: [] },
      { customerId: 'c-no-tier', tier: null, stakeholders: [] },
    ];
    expect(keyAccountWarnings(accounts, AT)).toEqual([
      { customerId: 'c-none', codes: ['NO_DECISION_MAKER'], hostile: [], unknown: [] },
      { customerId: 'c-hostile', codes: ['DECISION_MAKER_HOSTILE'], hostile: ['m1'], unknown: [] },
      { customerId: 'c-unknown', codes: ['DECISION_MAKER_ATTITUDE_UNKNOWN'], hostile: [], unknown: ['m3'] },
      {
        customerId: 'c-both',
        codes: ['DECISION_MAKER_HOSTILE', 'DECISION_MAKER_ATTITUDE_UNKNOWN'],
        hostile: ['m4'],
        unknown: ['m5'],
      },
    ]);
  });

  it('reads the attitude in force at `at`: a hostile decision maker won over is no longer flagged', () => {
    const account: AccountMap = {
      customerId: 'c1',
      tier: 'S',
      stakeholders: [maker('m1', [-2, '2026-01-01T00:00:00Z'], [1, '2026-02-15T00:00:00Z'])],
    };
    expect(keyAccountWarnings([account], d('2026-02-14T00:00:00Z'))).toHaveLength(1);
    expect(keyAccountWarnings([account], AT)).toEqual([]);
  });

  it('key tiers are a setting', () => {
    const account: AccountMap = { customerId: 'c1', tier: 'B', stakeholders: [] };
    expect(keyAccountWarnings([account], AT, ['B'])).toHaveLength(1);
    expect(keyAccountWarnings([{ ...account, tier: 'A' }], AT, ['S'])).toEqual([]);
  });

  it('hasDecisionMaker', () => {
    expect(hasDecisionMaker([])).toBe(false);
    expect(hasDecisionMaker([influencer])).toBe(false);
    expect(hasDecisionMaker([influencer, maker('m1')])).toBe(true);
  });
});

describe('overduePlanActions', () => {
  it('not done by `at` and due strictly before it, the longest overdue first', () => {
    const actions = [
      { id: 'b', dueDate: d('2026-02-01T00:00:00Z') },
      { id: 'a', dueDate: d('2026-02-01T00:00:00Z'), doneAt: null },
      { id: 'c', dueDate: d('2026-01-01T00:00:00Z') },
      { id: 'due-now', dueDate: AT },
      { id: 'done', dueDate: d('2026-01-01T00:00:00Z'), doneAt: d('2026-02-20T00:00:00Z') },
      { id: 'done-later', dueDate: d('2026-01-01T00:00:00Z'), doneAt: d('2026-03-05T00:00:00Z') },
    ];
    expect(overduePlanActions(actions, AT).map((a) => a.id)).toEqual(['c', 'done-later', 'a', 'b']);
  });
});

describe('checkDecisionMakerForAti', () => {
  const dm: MappedStakeholder = { id: 'm', role: 'DECISION_MAKER', attitudes: [] };
  const user: MappedStakeholder = { id: 'u', role: 'USER', attitudes: [] };
  it('refuses ATI when the opportunity maps no decision maker, unless the check is off', () => {
    expect(checkDecisionMakerForAti({ id: 'o1', stakeholders: [user] }, true)).toEqual({
      ok: false,
      error: { code: 'SALES.NO_DECISION_MAKER_MAPPED', data: { opportunityId: 'o1' } },
    });
    expect(checkDecisionMakerForAti({ id: 'o1', stakeholders: [] }, false).ok).toBe(true);
    expect(checkDecisionMakerForAti({ id: 'o1', stakeholders: [user, dm] }, true).ok).toBe(true);
    expect(checkDecisionMakerForAti(null, true).ok).toBe(true);
  });
});

describe('checkReportsTo: the customer org chart stays a tree', () => {
  // ceo ← cto ← arch; cfo at the top too
  const lines = new Map<string, string | null>([
    ['ceo', null],
    ['cto', 'ceo'],
    ['arch', 'cto'],
    ['cfo', null],
  ]);
  it("allows the top, and a line to someone on the map outside the stakeholder's own reports", () => {
    expect(checkReportsTo(lines, 'arch', null).ok).toBe(true);
    expect(checkReportsTo(lines, 'arch', 'cfo').ok).toBe(true);
    expect(checkReportsTo(lines, 'ceo', 'cfo').ok).toBe(true);
    expect(checkReportsTo(lines, 'new', 'arch').ok).toBe(true);
  });
  it('refuses self, someone not on the map, and a circle', () => {
    expect(checkReportsTo(lines, 'cto', 'cto')).toEqual({
      ok: false,
      error: { code: 'SALES.REPORTS_TO_SELF', data: { stakeholderId: 'cto' } },
    });
    expect(checkReportsTo(lines, 'cto', 'ghost')).toMatchObject({
      ok: false,
      error: { code: 'SALES.REPORTS_TO_UNKNOWN' },
    });
    expect(checkReportsTo(lines, 'ceo', 'arch')).toEqual({
      ok: false,
      error: { code: 'SALES.REPORTS_TO_CYCLE', data: { stakeholderId: 'ceo', cycle: ['ceo', 'arch', 'cto', 'ceo'] } },
    });
  });
  it('does not loop on an old circle elsewhere on the map', () => {
    const broken = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
      ['x', null],
    ]);
    expect(checkReportsTo(broken, 'x', 'a').ok).toBe(true);
  });
});
