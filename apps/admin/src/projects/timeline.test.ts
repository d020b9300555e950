import { buildTimeline, type TimelineDecision, type TimelineRequest } from './timeline';

let seq = 0;
function decision(point: string, outcome: string, extra: Partial<TimelineDecision> = {}): TimelineDecision {
  seq += 1;
  return {
    id: String(seq),
    decisionPoint: point,
    outcome,
    deciderId: '7',
    decidedAt: `2026-01-${String(seq).padStart(2, '0')}T08:00:00.000Z`,
    complete: true,
    comment: null,
    reopenedAt: null,
    reopenedReason: null,
    ...extra,
  };
}

function request(point: string, extra: Partial<TimelineRequest> = {}): TimelineRequest {
  return {
    id: `r-${point}`,
    decisionPoint: point,
    status: 'PENDING',
    requesterId: '3',
    requestedAt: '2026-02-01T08:00:00.000Z',
    dueAt: '2026-02-08T08:00:00.000Z',
    overdue: false,
    note: 'please',
    recipients: [
      { personId: '10', level: 0 },
      { personId: '11', level: 0 },
    ],
    ...extra,
  };
}

const states = (t: ReturnType<typeof buildTimeline>) => Object.fromEntries(t.steps.map((s) => [s.point, s.state]));

beforeEach(() => {
  seq = 0;
});

describe('buildTimeline', () => {
  it('on a new lead: ATI is next, every later point is locked naming the missing earlier decision', () => {
    const t = buildTimeline({ stage: 'LEAD', decisions: [], requests: [] });
    expect(t.steps.map((s) => s.point)).toEqual(['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC']);
    expect(states(t)).toEqual({ ATI: 'next', ATB: 'locked', ATC: 'locked', ATAC: 'locked', ATCC: 'locked' });
    expect(t.steps.find((s) => s.point === 'ATB')?.missing).toBe('ATI');
    // The earliest point missing is named (ATC needs ATI before ATB).
    expect(t.steps.find((s) => s.point === 'ATC')?.missing).toBe('ATI');
    expect(t.nextPoint).toBe('ATI');
    expect(t.closed).toBe(false);
    // By stage: ATI in leads (approval moves to opportunities), ATB and ATC in opportunities, ATAC and ATCC after.
    expect(t.steps.map((s) => [s.stage, s.movesTo ?? null, s.current])).toEqual([
      ['LEAD', 'OPPORTUNITY', true],
      ['OPPORTUNITY', null, false],
      ['OPPORTUNITY', 'CONTRACT_EXECUTION', false],
      ['CONTRACT_EXECUTION', null, false],
      ['CONTRACT_EXECUTION', 'CLOSED', false],
    ]);
  });

  it('done points carry the approval in force; the next one is allowed; ATAC and ATCC both open after ATC', () => {
    const ati = decision('ATI', 'APPROVED', { comment: 'go' });
    const atb = decision('ATB', 'APPROVED');
    const t1 = buildTimeline({ stage: 'OPPORTUNITY', decisions: [atb, ati], requests: [] });
    expect(states(t1)).toMatchObject({ ATI: 'done', ATB: 'done', ATC: 'next', ATAC: 'locked', ATCC: 'locked' });
    expect(t1.steps[0]?.decision).toMatchObject({ id: ati.id, outcome: 'APPROVED', deciderId: '7', comment: 'go' });
    expect(t1.steps.find((s) => s.point === 'ATAC')?.missing).toBe('ATC');
    expect(t1.nextPoint).toBe('ATC');
    const atc = decision('ATC', 'APPROVED');
    const t2 = buildTimeline({ stage: 'CONTRACT_EXECUTION', decisions: [ati, atb, atc], requests: [] });
    expect(states(t2)).toMatchObject({ ATC: 'done', ATAC: 'next', ATCC: 'next' });
    expect(t2.nextPoint).toBe('ATAC');
  });

  it('out of sequence: a rejection does not open the next point, and an incomplete body vote is not done', () => {
    const ati = decision('ATI', 'APPROVED');
    const atb = decision('ATB', 'REJECTED');
    const t = buildTimeline({ stage: 'OPPORTUNITY', decisions: [ati, atb], requests: [] });
    expect(states(t)).toMatchObject({ ATB: 'next', ATC: 'locked' });
    expect(t.steps.find((s) => s.point === 'ATB')?.latest?.outcome).toBe('REJECTED');
    expect(t.steps.find((s) => s.point === 'ATC')?.missing).toBe('ATB');
    const vote = decision('ATB', 'APPROVED', { complete: false });
    const t2 = buildTimeline({ stage: 'OPPORTUNITY', decisions: [ati, vote], requests: [] });
    expect(states(t2)).toMatchObject({ ATB: 'next', ATC: 'locked' });
    // Decisions recorded out of order (a later point without its prerequisite) do not count as the sequence.
    const stray = decision('ATC', 'APPROVED');
    const t3 = buildTimeline({ stage: 'LEAD', decisions: [stray], requests: [] });
    expect(states(t3)).toMatchObject({ ATI: 'next', ATB: 'locked', ATC: 'done', ATAC: 'locked' });
    expect(t3.steps.find((s) => s.point === 'ATAC')?.missing).toBe('ATI');
  });

  it('a pending request shows who asked, whom it waits with now (its current level), due and overdue', () => {
    const ati = decision('ATI', 'APPROVED');
    const pending = request('ATB', {
      overdue: true,
      escalationLevel: 1,
      recipients: [
        { personId: '10', level: 0 },
        { personId: '12', level: 1 },
        { personId: '12', level: 1 },
      ],
    });
    const done = request('ATI', { status: 'APPROVED' });
    const t = buildTimeline({ stage: 'OPPORTUNITY', decisions: [ati], requests: [pending, done] });
    const atb = t.steps.find((s) => s.point === 'ATB');
    expect(atb).toMatchObject({ state: 'pending', allowed: true, request: { requesterId: '3', overdue: true } });
    expect(atb?.waitingWith).toEqual(['12']);
    expect(states(t).ATI).toBe('done');
    // Nothing else to ask for while ATB waits.
    expect(t.nextPoint).toBeNull();
  });

  it('a material change reopens a point: it shows the reason and may be asked again; the points after it too', () => {
    const reopenedAt = '2026-03-01T00:00:00.000Z';
    const ati = decision('ATI', 'APPROVED', { reopenedAt, reopenedReason: 'amount up 25 %' });
    const atb = decision('ATB', 'APPROVED', { reopenedAt, reopenedReason: 'depends on ATI' });
    const t = buildTimeline({ stage: 'OPPORTUNITY', decisions: [ati, atb], requests: [] });
    expect(states(t)).toMatchObject({ ATI: 'reopened', ATB: 'reopened', ATC: 'locked' });
    expect(t.steps[0]).toMatchObject({ allowed: true, reopened: { reopenedReason: 'amount up 25 %' } });
    expect(t.steps[1]).toMatchObject({ allowed: false, missing: 'ATI' });
    expect(t.nextPoint).toBe('ATI');
    // Approved anew: done again, the reopening no longer shown.
    const again = decision('ATI', 'APPROVED');
    const t2 = buildTimeline({ stage: 'OPPORTUNITY', decisions: [ati, atb, again], requests: [] });
    expect(t2.steps[0]).toMatchObject({ state: 'done', decision: { id: again.id } });
    expect(t2.steps[0]?.reopened).toBeUndefined();
    expect(states(t2).ATB).toBe('reopened');
    expect(t2.steps[1]?.allowed).toBe(true);
  });

  it('a closed project: every point not done is locked as closed and nothing is asked next', () => {
    const ds = ['ATI', 'ATB', 'ATC', 'ATCC'].map((p) => decision(p, 'APPROVED'));
    const t = buildTimeline({ stage: 'CLOSED', decisions: ds, requests: [] });
    expect(t.closed).toBe(true);
    expect(states(t)).toEqual({ ATI: 'done', ATB: 'done', ATC: 'done', ATAC: 'locked', ATCC: 'done' });
    expect(t.steps.find((s) => s.point === 'ATAC')).toMatchObject({ closed: true, allowed: false });
    expect(t.steps.every((s) => !s.allowed)).toBe(true);
    expect(t.nextPoint).toBeNull();
    // The stage alone closes it as well (decisions not visible).
    expect(buildTimeline({ stage: 'CLOSED', decisions: [], requests: [] }).steps[0]).toMatchObject({
      state: 'locked',
      closed: true,
    });
  });
});
