import { completesDecision, parseQuorum, quorumReachable, tallyVotes, voteRound } from './quorum';

const seats = [
  { title: 'A', fixed: true },
  { title: 'B', fixed: true },
  { title: 'C', fixed: false },
];
const vote = (seat: string, outcome: string, complete = false) => ({ outcome, complete, seatTitles: [seat] });
const all = { kind: 'ALL_FIXED' } as const;
const two = { kind: 'AT_LEAST', count: 2 } as const;

describe('parseQuorum', () => {
  it('reads MAJORITY, AT_LEAST n and everything else as every fixed seat', () => {
    expect(parseQuorum('MAJORITY', 5)).toEqual({ kind: 'AT_LEAST', count: 3 });
    expect(parseQuorum('majority', 4)).toEqual({ kind: 'AT_LEAST', count: 3 });
    expect(parseQuorum('AT_LEAST 2', 5)).toEqual({ kind: 'AT_LEAST', count: 2 });
    expect(parseQuorum(' at_least:3 ', 5)).toEqual({ kind: 'AT_LEAST', count: 3 });
    expect(parseQuorum('ALL_FIXED', 5)).toEqual(all);
    expect(parseQuorum('', 5)).toEqual(all);
  });
});

describe('tallyVotes', () => {
  it('ALL_FIXED: every fixed seat approves; a fixed seat against makes approval unreachable', () => {
    expect(tallyVotes(all, seats, [vote('A', 'APPROVED')])).toMatchObject({
      approvalMet: false,
      approvalReachable: true,
    });
    expect(tallyVotes(all, seats, [vote('A', 'APPROVED'), vote('B', 'APPROVED')])).toMatchObject({
      approved: 2,
      approvalMet: true,
    });
    expect(tallyVotes(all, seats, [vote('C', 'REJECTED')])).toMatchObject({ approvalReachable: true, against: 1 });
    expect(tallyVotes(all, seats, [vote('B', 'RETURNED')])).toMatchObject({ approvalReachable: false });
    expect(tallyVotes(all, seats, [vote('B', 'REJECTED'), vote('B', 'APPROVED'), vote('A', 'APPROVED')])).toMatchObject(
      { approvalMet: true, against: 0 },
    );
    expect(tallyVotes(all, [], [])).toMatchObject({ approvalMet: false, approvalReachable: false });
  });

  it('AT_LEAST n: n approvals; unreachable once more than seats − n stand against', () => {
    expect(tallyVotes(two, seats, [vote('A', 'REJECTED')])).toMatchObject({ approvalReachable: true });
    expect(tallyVotes(two, seats, [vote('A', 'REJECTED'), vote('C', 'RETURNED')])).toMatchObject({
      approvalReachable: false,
    });
    expect(tallyVotes(two, seats, [vote('B', 'APPROVED'), vote('C', 'APPROVED')])).toMatchObject({ approvalMet: true });
  });

  it('completes an approval at the quorum, a rejection or return once approval is out of reach', () => {
    expect(completesDecision('APPROVED', tallyVotes(all, seats, [vote('A', 'APPROVED')]))).toBe(false);
    expect(completesDecision('REJECTED', tallyVotes(all, seats, [vote('A', 'REJECTED')]))).toBe(true);
    expect(completesDecision('RETURNED', tallyVotes(two, seats, [vote('C', 'RETURNED')]))).toBe(false);
  });
});

describe('voteRound', () => {
  it('keeps every vote in the open first round', () => {
    const votes = [vote('A', 'APPROVED'), vote('B', 'REJECTED')];
    expect(voteRound(votes)).toEqual({ closedBy: null, round: votes, lastCompleted: null });
  });

  it('opens a new round after a RETURNED completion', () => {
    const returned = vote('A', 'RETURNED', true);
    const later = vote('B', 'APPROVED');
    expect(voteRound([vote('B', 'APPROVED'), returned, later])).toEqual({
      closedBy: null,
      round: [later],
      lastCompleted: returned,
    });
  });

  it('closes at a final completion and keeps the round it closed', () => {
    const first = vote('A', 'APPROVED');
    const returned = vote('B', 'RETURNED', true);
    const again = vote('A', 'APPROVED');
    const closing = vote('B', 'APPROVED', true);
    const result = voteRound([first, returned, again, closing]);
    expect(result.closedBy).toBe(closing);
    expect(result.round).toEqual([again, closing]);
    expect(result.lastCompleted).toBe(closing);
  });
});

describe('quorumReachable', () => {
  it('needs every fixed seat fillable (and one seat at all) under ALL_FIXED, n fillable seats under AT_LEAST', () => {
    const seat = (fixed: boolean, fillable: boolean) => ({ fixed, fillable });
    expect(quorumReachable(undefined, [seat(true, true), seat(false, false)])).toBe(true);
    expect(quorumReachable(all, [seat(true, false), seat(false, true)])).toBe(false);
    expect(quorumReachable(all, [seat(false, false)])).toBe(false);
    expect(quorumReachable(all, [])).toBe(false);
    expect(quorumReachable(two, [seat(true, true), seat(false, false)])).toBe(false);
    expect(quorumReachable(two, [seat(false, true), seat(false, true)])).toBe(true);
  });
});
