import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GraphQLRequestError } from '../graphql/client';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import type { Decider, DecisionRecord } from '../providers/types';
import { BodyDecisions } from './BodyDecisions';
import { bodyGroups, roundOf, seatVotes } from './bodyVotes';

const link = {
  kind: 'RULE',
  id: 'r1',
  decisionPoints: ['ATI'],
  grades: ['I'],
  scopeOrgUnitId: 'o1',
  currency: 'CNY',
  validFrom: '2025-01-01T00:00:00.000Z',
};
const vote = (
  id: string,
  deciderId: string,
  seat: string,
  outcome: DecisionRecord['outcome'],
  complete: boolean,
  decidedAt: string,
): DecisionRecord => ({
  id,
  projectId: '5',
  decisionPoint: 'ATI',
  outcome,
  deciderId,
  decidedAt,
  complete,
  chain: { links: [link as never], body: { bodyId: 'b1', seatTitles: [seat] } },
});
const direct: DecisionRecord = {
  id: '1',
  projectId: '5',
  decisionPoint: 'ATB',
  outcome: 'APPROVED',
  deciderId: 'p3',
  decidedAt: '2026-03-01T01:00:00.000Z',
  complete: true,
  chain: { links: [link as never], body: null },
};
const coverage: Decider[] = [
  {
    personId: 'p1',
    chains: [],
    bodies: [
      {
        bodyId: 'b1',
        ruleId: 'r1',
        quorum: 'ALL_FIXED',
        quorumReachable: true,
        seats: [
          {
            title: 'BU_PRESIDENT',
            fixed: true,
            titles: ['BU_PRESIDENT'],
            occupants: ['p1'],
            filledBy: [{ personId: 'p1', via: 'DIRECT' }],
          },
          {
            title: 'CHIEF_ENGINEER',
            fixed: true,
            titles: ['CHIEF_ENGINEER'],
            occupants: ['p2'],
            filledBy: [{ personId: 'p2', via: 'DIRECT' }],
          },
        ],
      },
    ],
  },
];

function setup(decisions: DecisionRecord[], recordDecision: jest.Mock, locale: 'en' | 'zh-CN' = 'en') {
  const whoMayDecide = jest.fn().mockResolvedValue(coverage);
  const base = fakeDataProvider();
  const dataProvider = {
    ...base,
    getList: jest.fn(async () => ({ data: decisions, total: decisions.length })),
    getOne: async (resource: string, params: { id: unknown }) =>
      resource === 'DecisionBody'
        ? { data: { id: 'b1', name: 'Grade I decision team', quorum: 'ALL_FIXED' } }
        : base.getOne(resource, params as never),
    getManyReference: async () => ({
      data: [
        { id: 's1', title: 'BU_PRESIDENT', fixed: true },
        { id: 's2', title: 'CHIEF_ENGINEER', fixed: true },
      ],
      total: 2,
    }),
    whoMayDecide,
    recordDecision,
  };
  render(
    <TestAdmin dataProvider={dataProvider as never} locale={locale}>
      <BodyDecisions projectId="5" />
    </TestAdmin>,
  );
  return { whoMayDecide, dataProvider };
}

describe('bodyVotes', () => {
  it('groups body votes by decision point and rule, leaving direct decisions out', () => {
    const groups = bodyGroups([
      direct,
      vote('3', 'p2', 'CHIEF_ENGINEER', 'APPROVED', true, '2026-03-02T00:00:00.000Z'),
      vote('2', 'p1', 'BU_PRESIDENT', 'APPROVED', false, '2026-03-01T00:00:00.000Z'),
    ]);
    expect(groups.map((g) => [g.key, g.votes.map((v) => v.id)])).toEqual([['ATI|r1|b1', ['2', '3']]]);
  });

  it('starts a new round after RETURNED, and closes for good on APPROVED or REJECTED', () => {
    const returned = [
      vote('2', 'p1', 'BU_PRESIDENT', 'RETURNED', true, '2026-03-01T00:00:00.000Z'),
      vote('3', 'p1', 'BU_PRESIDENT', 'APPROVED', false, '2026-03-02T00:00:00.000Z'),
    ];
    expect(roundOf(returned)).toMatchObject({ closedBy: null, round: [{ id: '3' }] });
    const closed = [...returned, vote('4', 'p2', 'CHIEF_ENGINEER', 'APPROVED', true, '2026-03-03T00:00:00.000Z')];
    const { closedBy, round } = roundOf(closed);
    expect(closedBy?.id).toBe('4');
    expect(round.map((v) => v.id)).toEqual(['3', '4']);
    expect([...seatVotes(['BU_PRESIDENT', 'CHIEF_ENGINEER'], round).entries()].map(([t, v]) => [t, v.id])).toEqual([
      ['BU_PRESIDENT', '3'],
      ['CHIEF_ENGINEER', '4'],
    ]);
  });
});

describe('BodyDecisions', () => {
  it('shows each seat, who voted what and when, and that the decision is not complete; records a vote', async () => {
    const recordDecision = jest
      .fn()
      .mockResolvedValue({ ...vote('3', 'p2', 'CHIEF_ENGINEER', 'APPROVED', true, '2026-03-02T00:00:00.000Z') });
    const { whoMayDecide, dataProvider } = setup(
      [direct, vote('2', 'p1', 'BU_PRESIDENT', 'APPROVED', false, '2026-03-01T08:30:00.000Z')],
      recordDecision,
    );
    const card = await screen.findByTestId('body-decision');
    await within(card).findByText('Grade I decision team', { exact: false });
    expect(within(card).getByTestId('body-status').textContent).toBe('Not complete: 1 approved, 0 against');
    const president = within(card).getByTestId('seat-BU_PRESIDENT');
    expect(president.textContent).toContain('Approved');
    await waitFor(() => expect(president.textContent).toContain('Zhang Wei'));
    expect(president.textContent).toMatch(/2026/);
    expect(within(card).getByTestId('seat-CHIEF_ENGINEER').textContent).toContain('Not voted yet');
    expect(whoMayDecide).toHaveBeenCalledWith({ projectId: '5', decisionPoint: 'ATI' });

    fireEvent.mouseDown(within(card).getByRole('combobox', { name: 'Voter (seat)' }));
    fireEvent.click(await screen.findByRole('option', { name: /Li Na · Chief engineer/ }));
    fireEvent.click(within(card).getByRole('button', { name: 'Record vote' }));
    await waitFor(() =>
      expect(recordDecision).toHaveBeenCalledWith(
        expect.objectContaining({ projectId: '5', decisionPoint: 'ATI', outcome: 'APPROVED', deciderId: 'p2' }),
      ),
    );
    // The votes are read again (and the coverage), so the card shows the new state.
    await waitFor(() => expect(dataProvider.getList.mock.calls.length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(whoMayDecide.mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('shows a complete decision and its closing vote, and offers no further vote', async () => {
    setup(
      [
        vote('2', 'p1', 'BU_PRESIDENT', 'APPROVED', false, '2026-03-01T08:30:00.000Z'),
        vote('3', 'p2', 'CHIEF_ENGINEER', 'REJECTED', true, '2026-03-02T08:30:00.000Z'),
      ],
      jest.fn(),
    );
    const card = await screen.findByTestId('body-decision');
    expect(within(card).getByTestId('body-status').textContent).toMatch(/^Complete: Rejected/);
    expect(within(card).getByTestId('body-history').textContent).toContain('settled the decision');
    expect(within(card).queryByRole('button', { name: 'Record vote' })).toBeNull();
    within(card).getByText('This decision is complete: no further votes are recorded.');
  });

  it('shows DECISION_CLOSED clearly, in Chinese', async () => {
    const closed = new GraphQLRequestError('closed', 'DECISION_CLOSED', {}, undefined, {
      code: 'DECISION_CLOSED',
      decisionId: '9',
      outcome: 'REJECTED',
      completedAt: '2026-03-02T08:30:00.000Z',
    });
    const recordDecision = jest.fn().mockRejectedValue(closed);
    setup([vote('2', 'p1', 'BU_PRESIDENT', 'APPROVED', false, '2026-03-01T08:30:00.000Z')], recordDecision, 'zh-CN');
    const card = await screen.findByTestId('body-decision');
    fireEvent.mouseDown(within(card).getByRole('combobox', { name: '投票人（席位）' }));
    fireEvent.click(await screen.findByRole('option', { name: /Li Na/ }));
    fireEvent.click(within(card).getByRole('button', { name: '记录投票' }));
    const alert = await within(card).findByTestId('vote-error');
    expect(alert.textContent).toContain('此决策已结束');
    expect(alert.textContent).toMatch(/此决策已于 2026.*以“否决”结束（决策 9），不再记录投票。/);
  });
});
