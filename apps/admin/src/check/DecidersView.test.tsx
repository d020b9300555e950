import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import type { CaseInput } from '../providers/operations';
import type { AuthorityChain, Decider, DeciderPage } from '../providers/types';
import { DecidersView, useDeciders } from './DecidersView';

const CASE: CaseInput = { decisionPoint: 'ATB', grade: 'III', orgUnitId: 'o1' };

const chain = (personId: string, delegated: boolean): AuthorityChain => ({
  links: [
    {
      kind: 'RULE',
      id: '7',
      holderPersonId: delegated ? 'p1' : personId,
      decisionPoints: ['ATB'],
      grades: ['III'],
      scopeOrgUnitId: 'o1',
      limit: '5000000.00',
      currency: 'CNY',
      validFrom: '2026-01-01T00:00:00.000Z',
    },
    ...(delegated
      ? [
          {
            kind: 'DELEGATION' as const,
            id: '12',
            holderPersonId: personId,
            delegatorId: 'p1',
            decisionPoints: ['ATB' as const],
            grades: ['III' as const],
            scopeOrgUnitId: 'o1',
            limit: '1000000.00',
            currency: 'CNY',
            validFrom: '2026-01-01T00:00:00.000Z',
          },
        ]
      : []),
  ],
});

/** 45 deciders: 30 hold the rule directly, 15 through a delegation from Zhang Wei; the first sits on a body. */
const ALL: Decider[] = Array.from({ length: 45 }, (_, i) => {
  const personId = `x${i}`;
  const direct = i < 30;
  return {
    personId,
    person: { id: personId, name: `Person ${String(i).padStart(2, '0')}`, employeeNo: `E${1000 + i}` },
    cursor: `c${i}`,
    direct,
    quorumRequired: i === 0,
    revision: '250',
    corrections: [],
    chains: [
      i === 0
        ? { ...chain(personId, false), body: { bodyId: 'b1', seatTitles: ['BU_PRESIDENT'] } }
        : chain(personId, !direct),
    ],
  };
});

function page(_input: CaseInput, first: number, after?: string | null): DeciderPage {
  const start = after ? ALL.findIndex((d) => d.cursor === after) + 1 : 0;
  const items = ALL.slice(start, start + first);
  return {
    items,
    totalCount: ALL.length,
    endCursor: items[items.length - 1]?.cursor ?? null,
    hasNextPage: start + first < ALL.length,
    bodies: start === 0 ? [{ bodyId: 'b1', ruleId: '1', quorum: 'ALL_FIXED', quorumReachable: true, seats: [] }] : [],
  };
}

function Harness() {
  const deciders = useDeciders();
  return (
    <>
      <button onClick={() => void deciders.ask(CASE, '2026-03-01T12:00:00.000Z')}>ask</button>
      {deciders.answer && (
        <DecidersView answer={deciders.answer} loadingMore={deciders.loadingMore} onMore={deciders.more} />
      )}
    </>
  );
}

function setup(locale: 'en' | 'zh-CN' = 'en') {
  const whoMayDecidePage = jest.fn(async (input: CaseInput, first: number, after?: string | null) =>
    page(input, first, after),
  );
  const base = fakeDataProvider();
  const dataProvider = {
    ...base,
    getMany: async (resource: string, params: { ids: unknown[] }) =>
      resource === 'DecisionBody'
        ? { data: params.ids.map((id) => ({ id, name: 'Grade I decision team' })) }
        : base.getMany(resource, params as never),
    whoMayDecidePage,
  };
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider as never}>
      <Harness />
    </TestAdmin>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'ask' }));
  return whoMayDecidePage;
}

describe('DecidersView', () => {
  it('shows 20 at a time with the total, direct holders marked, and loads the next pages on demand', async () => {
    const whoMayDecidePage = setup();
    const count = await screen.findByTestId('deciders-count');
    expect(count.textContent).toBe('20 of 45 people who may decide');
    expect(whoMayDecidePage).toHaveBeenLastCalledWith(CASE, 20);
    expect(screen.getAllByTestId('decider')).toHaveLength(20);
    expect(screen.getAllByTestId('decider-direct')).toHaveLength(20);
    expect(screen.queryAllByTestId('decider-delegated')).toHaveLength(0);
    expect(screen.getAllByTestId('decider-name')[0]!.textContent).toBe('Person 00');
    expect(screen.getByTestId('answer-basis').textContent).toMatch(/^Answered from revision 250/);

    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more' }));
    await waitFor(() => expect(screen.getAllByTestId('decider')).toHaveLength(40));
    expect(whoMayDecidePage).toHaveBeenLastCalledWith(CASE, 20, 'c19');
    expect(screen.getByTestId('deciders-count').textContent).toBe('40 of 45 people who may decide');
    expect(screen.getAllByTestId('decider-direct')).toHaveLength(30);
    expect(screen.getAllByTestId('decider-delegated')).toHaveLength(10);
    expect(screen.getAllByTestId('decider-delegated')[0]!.textContent).toBe('Through delegation');

    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more' }));
    await waitFor(() => expect(screen.getAllByTestId('decider')).toHaveLength(45));
    expect(whoMayDecidePage).toHaveBeenLastCalledWith(CASE, 20, 'c39');
    expect(screen.getByTestId('deciders-count').textContent).toBe('45 person(s) may decide');
    expect(screen.queryByTestId('deciders-more')).toBeNull();
    expect(whoMayDecidePage).toHaveBeenCalledTimes(3);
    // 45 deciders with their chains take a while to draw in jsdom.
  }, 60_000);

  it('draws each decider’s chains by name, and a body seat’s quorum', async () => {
    setup();
    const first = (await screen.findAllByTestId('decider'))[0]!;
    await waitFor(() =>
      expect(within(first).getByTestId('decider-quorum').textContent).toBe(
        'Decides only as a seat of Grade I decision team; its quorum can be reached now.',
      ),
    );
    expect(within(first).getAllByTestId('chain-link')).toHaveLength(1);
    expect(await within(first).findByText(/Scope: East Region/)).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    setup('zh-CN');
    expect((await screen.findByTestId('deciders-count')).textContent).toBe('可以决策的 45 人中已显示 20 人');
    expect(screen.getAllByTestId('decider-direct')[0]!.textContent).toBe('直接持有授权');
    fireEvent.click(screen.getByRole('button', { name: '再显示 20 人' }));
    await waitFor(() => expect(screen.getAllByTestId('decider-delegated')[0]!.textContent).toBe('经转授权'));
  }, 60_000);

  it('says when nobody may decide', async () => {
    render(
      <TestAdmin>
        <DecidersView
          answer={{
            items: [],
            totalCount: 0,
            hasNextPage: false,
            bodies: [],
            input: CASE,
            asKnownAt: '2026-03-01T12:00:00.000Z',
          }}
          onMore={() => undefined}
        />
      </TestAdmin>,
    );
    expect((await screen.findByTestId('deciders-count')).textContent).toBe('Nobody may take this decision.');
  });
});
