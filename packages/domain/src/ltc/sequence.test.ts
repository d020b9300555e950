import {
  ProjectDecision,
  ProjectTerms,
  approvalsInForce,
  checkSequence,
  isHigherGrade,
  materialCauses,
  percentRise,
  prerequisitesOf,
  reopenedByChange,
  stageAfterApproval,
} from './sequence';
import { DECISION_POINT_NAMES, DECISION_POINTS, LTC_STAGES } from './ltc';

const cny = (yuan: number) => ({ minor: BigInt(yuan) * 100n, currency: 'CNY' });
const terms = (yuan: number, grade: ProjectTerms['grade'] = 'III'): ProjectTerms => ({ amount: cny(yuan), grade });

let next = 0;
function decision(
  decisionPoint: ProjectDecision['decisionPoint'],
  over: Partial<ProjectDecision> = {},
): ProjectDecision {
  next += 1;
  return {
    id: String(next),
    decisionPoint,
    outcome: 'APPROVED',
    complete: true,
    reopened: false,
    terms: terms(1_000_000),
    ...over,
  };
}

describe('decision point names', () => {
  it('names every point in both languages', () => {
    for (const point of DECISION_POINTS) {
      expect(DECISION_POINT_NAMES[point].en.length).toBeGreaterThan(0);
      expect(DECISION_POINT_NAMES[point]['zh-CN'].length).toBeGreaterThan(0);
    }
    expect(DECISION_POINT_NAMES.ATB['zh-CN']).toBe('投标决策');
  });
});

describe('checkSequence', () => {
  it('takes ATI first, then ATB, then ATC', () => {
    expect(checkSequence('ATI', [])).toEqual({ ok: true, value: null });
    expect(checkSequence('ATB', [])).toEqual({
      ok: false,
      error: { code: 'OUT_OF_SEQUENCE', data: { decisionPoint: 'ATB', missing: 'ATI' } },
    });
    const ati = decision('ATI');
    expect(checkSequence('ATB', [ati]).ok).toBe(true);
    expect(checkSequence('ATC', [ati])).toEqual({
      ok: false,
      error: { code: 'OUT_OF_SEQUENCE', data: { decisionPoint: 'ATC', missing: 'ATB' } },
    });
    expect(checkSequence('ATC', [ati, decision('ATB')]).ok).toBe(true);
  });

  it('names the earliest point missing: the one to take next', () => {
    expect(checkSequence('ATCC', [])).toMatchObject({ error: { data: { missing: 'ATI' } } });
    expect(checkSequence('ATAC', [decision('ATI')])).toMatchObject({ error: { data: { missing: 'ATB' } } });
    expect(prerequisitesOf('ATCC')).toEqual(['ATI', 'ATB', 'ATC']);
    expect(prerequisitesOf('ATI')).toEqual([]);
  });

  it('allows ATAC and ATCC only after ATC, and amendments again and again', () => {
    const upToC = [decision('ATI'), decision('ATB'), decision('ATC')];
    expect(checkSequence('ATAC', upToC.slice(0, 2))).toMatchObject({ error: { data: { missing: 'ATC' } } });
    expect(checkSequence('ATCC', upToC.slice(0, 2))).toMatchObject({ error: { data: { missing: 'ATC' } } });
    expect(checkSequence('ATAC', upToC).ok).toBe(true);
    expect(checkSequence('ATAC', [...upToC, decision('ATAC')]).ok).toBe(true);
    expect(checkSequence('ATCC', [...upToC, decision('ATAC')]).ok).toBe(true);
  });

  it('decides nothing more once ATCC is in force', () => {
    const closed = [decision('ATI'), decision('ATB'), decision('ATC'), decision('ATCC')];
    for (const point of ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'] as const)
      expect(checkSequence(point, closed)).toEqual({
        ok: false,
        error: { code: 'OUT_OF_SEQUENCE', data: { decisionPoint: point, closed: true } },
      });
    // A pool approval is not part of the sequence.
    expect(checkSequence('POOL_APPROVAL', closed).ok).toBe(true);
    expect(checkSequence('POOL_APPROVAL', []).ok).toBe(true);
  });

  it('counts only approvals in force: complete, approved, not reopened', () => {
    for (const over of [{ outcome: 'REJECTED' }, { outcome: 'RETURNED' }, { complete: false }, { reopened: true }])
      expect(checkSequence('ATB', [decision('ATI', over)])).toMatchObject({ error: { data: { missing: 'ATI' } } });
    // A rejection after an approval does not withdraw it.
    expect(checkSequence('ATB', [decision('ATI'), decision('ATI', { outcome: 'REJECTED' })]).ok).toBe(true);
    const first = decision('ATI');
    const second = decision('ATI');
    expect(approvalsInForce([first, second]).get('ATI')).toBe(second);
    expect(approvalsInForce([decision('POOL_APPROVAL')]).size).toBe(0);
  });
});

describe('stageAfterApproval', () => {
  it('moves ATI to OPPORTUNITY, ATC to CONTRACT_EXECUTION, ATCC to CLOSED; other points keep the stage', () => {
    expect(stageAfterApproval('ATI', 'LEAD')).toBe('OPPORTUNITY');
    expect(stageAfterApproval('ATB', 'OPPORTUNITY')).toBe('OPPORTUNITY');
    expect(stageAfterApproval('ATC', 'OPPORTUNITY')).toBe('CONTRACT_EXECUTION');
    expect(stageAfterApproval('ATAC', 'CONTRACT_EXECUTION')).toBe('CONTRACT_EXECUTION');
    expect(stageAfterApproval('ATCC', 'CONTRACT_EXECUTION')).toBe('CLOSED');
    expect(stageAfterApproval('POOL_APPROVAL', 'LEAD')).toBe('LEAD');
  });

  it('never moves a project back', () => {
    expect(stageAfterApproval('ATI', 'CONTRACT_EXECUTION')).toBe('CONTRACT_EXECUTION');
    expect(stageAfterApproval('ATC', 'CLOSED')).toBe('CLOSED');
    for (const stage of LTC_STAGES)
      for (const point of DECISION_POINTS)
        expect(LTC_STAGES.indexOf(stageAfterApproval(point, stage))).toBeGreaterThanOrEqual(LTC_STAGES.indexOf(stage));
  });
});

describe('material change', () => {
  it('is material above the share only: exactly the share is not', () => {
    expect(materialCauses(terms(1_000_000), terms(1_100_000), '10')).toEqual([]);
    expect(
      materialCauses(terms(1_000_000), { ...terms(0), amount: { minor: 110_000_001n, currency: 'CNY' } }, '10'),
    ).toEqual([
      {
        kind: 'AMOUNT_UP',
        from: cny(1_000_000),
        to: { minor: 110_000_001n, currency: 'CNY' },
        percent: '10',
        share: '10',
      },
    ]);
    expect(materialCauses(terms(1_000_000), terms(1_250_000), '10')).toEqual([
      { kind: 'AMOUNT_UP', from: cny(1_000_000), to: cny(1_250_000), percent: '25', share: '10' },
    ]);
    // Fractional shares are exact: 12.5 % of 1,000,000 is 125,000.
    expect(materialCauses(terms(1_000_000), terms(1_125_000), '12.5')).toEqual([]);
    expect(materialCauses(terms(1_000_000), terms(1_125_001), '12.5')).toHaveLength(1);
    // Down is never material; from zero any rise is, without a percentage.
    expect(materialCauses(terms(1_000_000), terms(10), '10')).toEqual([]);
    expect(materialCauses(terms(0), terms(1), '10')).toEqual([
      { kind: 'AMOUNT_UP', from: cny(0), to: cny(1), percent: null, share: '10' },
    ]);
  });

  it('is material on a higher grade (I is the highest), and on another currency', () => {
    expect(isHigherGrade('I', 'II')).toBe(true);
    expect(isHigherGrade('III', 'II')).toBe(false);
    expect(materialCauses(terms(100, 'III'), terms(100, 'II'), '10')).toEqual([
      { kind: 'GRADE_UP', from: 'III', to: 'II' },
    ]);
    expect(materialCauses(terms(100, 'I'), terms(100, 'III'), '10')).toEqual([]);
    expect(materialCauses(terms(100, 'III'), terms(200, 'I'), '10').map((c) => c.kind)).toEqual([
      'AMOUNT_UP',
      'GRADE_UP',
    ]);
    const usd = { amount: { minor: 100n, currency: 'USD' }, grade: 'III' } as const;
    expect(materialCauses(terms(1), usd, '10')).toEqual([{ kind: 'CURRENCY_CHANGED', from: cny(1), to: usd.amount }]);
    expect(() => materialCauses(terms(1), terms(2), 'ten')).toThrow(/share/);
  });

  it('rounds the rise to one decimal, half up', () => {
    expect(percentRise(300n, 400n)).toBe('33.3');
    expect(percentRise(200n, 301n)).toBe('50.5');
    expect(percentRise(1000n, 1001n)).toBe('0.1');
    expect(percentRise(0n, 5n)).toBeNull();
  });

  it('reopens the approvals whose recorded terms the change exceeds, and the points after them', () => {
    const ati = decision('ATI', { terms: terms(1_000_000) });
    const atb = decision('ATB', { terms: terms(1_200_000) });
    const atc = decision('ATC', { terms: terms(1_300_000) });
    // 1,330,000 exceeds ATI's 1,000,000 by 33 %, ATB's 1,200,000 by under 11 %, ATC's not at all.
    const reopened = reopenedByChange([ati, atb, atc], terms(1_330_000), '10');
    expect(reopened.map((r) => [r.decisionId, r.causes.map((c) => c.kind)])).toEqual([
      [ati.id, ['AMOUNT_UP']],
      [atb.id, ['AMOUNT_UP']],
      [atc.id, ['DEPENDS_ON']],
    ]);
    expect(reopened[2]?.causes).toEqual([{ kind: 'DEPENDS_ON', decisionPoint: 'ATB' }]);
  });

  it('leaves earlier points alone when only a later approval is exceeded', () => {
    const ati = decision('ATI', { terms: terms(1_000_000) });
    const atb = decision('ATB', { terms: terms(1_000_000) });
    const atc = decision('ATC', { terms: terms(500_000) });
    const amendment = decision('ATAC', { terms: terms(1_000_000) });
    const close = decision('ATCC', { terms: terms(1_000_000) });
    // Only ATC's terms are exceeded: ATAC and ATCC depend on it; ATI and ATB stay.
    expect(reopenedByChange([ati, atb, atc, amendment, close], terms(1_050_000), '10')).toEqual([
      { decisionId: atc.id, decisionPoint: 'ATC', causes: [expect.objectContaining({ kind: 'AMOUNT_UP' })] },
      { decisionId: amendment.id, decisionPoint: 'ATAC', causes: [{ kind: 'DEPENDS_ON', decisionPoint: 'ATC' }] },
      { decisionId: close.id, decisionPoint: 'ATCC', causes: [{ kind: 'DEPENDS_ON', decisionPoint: 'ATC' }] },
    ]);
  });

  it('adds small rises up against the approval, not the previous amount', () => {
    const ati = decision('ATI', { terms: terms(1_000_000) });
    expect(reopenedByChange([ati], terms(1_060_000), '10')).toEqual([]);
    expect(reopenedByChange([ati], terms(1_120_000), '10').map((r) => r.decisionId)).toEqual([ati.id]);
    const later = decision('ATI', { terms: terms(1_060_000) });
    expect(reopenedByChange([later], terms(1_120_000), '10')).toEqual([]);
  });

  it('reopens the whole point: older decisions and the votes of the round, not decisions already reopened', () => {
    const oldVote = decision('ATI', { complete: false, terms: terms(1_000_000) });
    const against = decision('ATI', { outcome: 'REJECTED', complete: false, terms: terms(1_000_000) });
    const approval = decision('ATI', { terms: terms(1_000_000) });
    const before = decision('ATI', { reopened: true, terms: terms(10) });
    const reopened = reopenedByChange([oldVote, against, approval, before], terms(2_000_000, 'II'), '10');
    expect(reopened.map((r) => r.decisionId)).toEqual([oldVote.id, against.id, approval.id]);
    expect(reopened[0]?.causes.map((c) => c.kind)).toEqual(['AMOUNT_UP', 'GRADE_UP']);
  });

  it('reopens an open approving vote it exceeds, but not a rejection, and nothing after it', () => {
    const ati = decision('ATI', { terms: terms(1_000_000) });
    const vote = decision('ATB', { complete: false, terms: terms(1_000_000) });
    const no = decision('ATB', { outcome: 'REJECTED', complete: false, terms: terms(1_000_000) });
    const reopened = reopenedByChange([ati, vote, no], terms(1_090_000, 'II'), '10');
    // ATI reopened (a higher grade); ATB not in force, so not a dependent; its approving vote is exceeded itself.
    expect(reopened.map((r) => [r.decisionId, r.causes.map((c) => c.kind)])).toEqual([
      [ati.id, ['GRADE_UP']],
      [vote.id, ['GRADE_UP']],
    ]);
    expect(reopenedByChange([ati, vote, no], terms(1_090_000), '10')).toEqual([]);
  });

  it('ignores pool approvals, rejections, and points with no approval in force', () => {
    const pool = decision('POOL_APPROVAL', { complete: false, terms: terms(1) });
    const rejected = decision('ATI', { outcome: 'REJECTED', terms: terms(1) });
    expect(reopenedByChange([pool, rejected], terms(1_000_000, 'I'), '10')).toEqual([]);
  });
});
