// The body tally alone (no database): when approval is met, and when it can no longer be reached.
import { tallyBody } from '../../src/modules/decision/decision.operations';
import { Decision } from '../../src/modules/decision/decision.entity';

let nextId = 0;
const vote = (seat: string, outcome: string) =>
  ({
    id: ++nextId,
    outcome,
    chain: { links: [], body: { bodyId: '1', ruleId: '1', seatTitles: [seat] } },
  }) as unknown as Decision;
const seats = [
  { title: 'A', fixed: true },
  { title: 'B', fixed: true },
  { title: 'C', fixed: false },
];

test(
  'ALL_FIXED: every fixed seat approves; one fixed seat against ' +
    'makes approval unreachable, an on-demand seat does not',
  () => {
    const all = { kind: 'ALL_FIXED' } as const;
    expect(tallyBody(all, seats, [vote('A', 'APPROVED')])).toMatchObject({
      approvalMet: false,
      approvalReachable: true,
    });
    expect(tallyBody(all, seats, [vote('A', 'APPROVED'), vote('B', 'APPROVED')])).toMatchObject({
      approvalMet: true,
      approvalReachable: true,
    });
    expect(tallyBody(all, seats, [vote('C', 'REJECTED')])).toMatchObject({
      approvalMet: false,
      approvalReachable: true,
    });
    expect(tallyBody(all, seats, [vote('B', 'RETURNED')])).toMatchObject({
      approvalMet: false,
      approvalReachable: false,
      against: 1,
    });
    // A seat's latest vote counts.
    expect(tallyBody(all, seats, [vote('B', 'REJECTED'), vote('B', 'APPROVED'), vote('A', 'APPROVED')])).toMatchObject({
      approvalMet: true,
      approvalReachable: true,
    });
  },
);

test('AT_LEAST 2 of 3 (a majority): unreachable once two seats voted otherwise', () => {
  const two = { kind: 'AT_LEAST', count: 2 } as const;
  expect(tallyBody(two, seats, [vote('A', 'REJECTED')])).toMatchObject({ approvalMet: false, approvalReachable: true });
  expect(tallyBody(two, seats, [vote('A', 'REJECTED'), vote('C', 'RETURNED')])).toMatchObject({
    approvalMet: false,
    approvalReachable: false,
  });
  expect(tallyBody(two, seats, [vote('A', 'REJECTED'), vote('B', 'APPROVED'), vote('C', 'APPROVED')])).toMatchObject({
    approvalMet: true,
  });
});
