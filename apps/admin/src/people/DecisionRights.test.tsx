import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { authAs, fakeDataProvider, TestAdmin } from '../components/testing';
import type { AuthorityChain, DecisionRight } from '../providers/types';
import {
  DecisionRightsPanel,
  DecisionRightsView,
  groupByDecisionPoint,
  useMayReadDecisionRights,
} from './DecisionRights';

const FROM = '2026-01-01T00:00:00.000Z';
const rule = (id: string, extra: Partial<AuthorityChain['links'][number]> = {}): AuthorityChain['links'][number] => ({
  kind: 'RULE',
  id,
  holderPersonId: 'p2',
  decisionPoints: ['ATB', 'ATC'],
  grades: ['II', 'III'],
  scopeOrgUnitId: 'o1',
  limit: null,
  currency: 'CNY',
  validFrom: FROM,
  validTo: null,
  ...extra,
});
const right = (extra: Partial<DecisionRight>): DecisionRight => ({
  decisionPoint: 'ATB',
  grades: ['II', 'III'],
  scopeOrgUnitId: 'o1',
  scopeOrgUnit: { id: 'o1', name: 'East Region' },
  limit: null,
  currency: 'CNY',
  validFrom: FROM,
  validTo: null,
  via: 'POSITION',
  projectRole: null,
  quorumRequired: false,
  chain: { links: [rule('4')] },
  revision: '250',
  corrections: [],
  ...extra,
});

/** Li Na (p2): a position's rule, a project role, a seat on a body, and a delegation from Zhang Wei (p1). */
const RIGHTS: DecisionRight[] = [
  right({
    decisionPoint: 'ATI',
    grades: ['II'],
    via: 'DECISION_BODY',
    quorumRequired: true,
    chain: {
      links: [rule('2', { decisionPoints: ['ATI'], grades: ['II'] })],
      body: { bodyId: 'b1', seatTitles: ['BUSINESS_DEPT_DIRECTOR'] },
    },
  }),
  right({ limit: '50000000.00' }),
  right({
    grades: ['III'],
    limit: '5000000.00',
    via: 'PROJECT_ROLE',
    projectRole: 'AR',
    scopeOrgUnit: { id: 'o9', name: 'Headquarters' },
    scopeOrgUnitId: 'o9',
    chain: { links: [rule('5', { scopeOrgUnitId: 'o9', limit: '5000000.00', grades: ['III'] })] },
  }),
  right({
    grades: ['III'],
    limit: '10000000.00',
    validTo: '2026-07-01T00:00:00.000Z',
    via: 'DELEGATION',
    scopeOrgUnit: { id: 'o2', name: 'Shanghai Office' },
    scopeOrgUnitId: 'o2',
    chain: {
      links: [
        rule('3', { holderPersonId: 'p1', limit: null }),
        {
          kind: 'DELEGATION',
          id: '12',
          holderPersonId: 'p2',
          delegatorId: 'p1',
          decisionPoints: ['ATB'],
          grades: ['III'],
          scopeOrgUnitId: 'o2',
          limit: '10000000.00',
          currency: 'CNY',
          validFrom: FROM,
          validTo: '2026-07-01T00:00:00.000Z',
        },
      ],
    },
  }),
  right({ decisionPoint: 'ATC', limit: '50000000.00' }),
];

const UNITS: Record<string, string> = { o1: 'East Region', o2: 'Shanghai Office', o9: 'Headquarters' };

function dataProvider(extra: Record<string, unknown> = {}) {
  const base = fakeDataProvider();
  return {
    ...base,
    getMany: async (resource: string, params: { ids: unknown[] }) =>
      resource === 'DecisionBody'
        ? { data: params.ids.map((id) => ({ id, name: 'Grade II decision team', quorum: 'ALL_FIXED' })) }
        : resource === 'AuthorityRule'
          ? { data: params.ids.map((id) => ({ id, name: `East rule ${String(id)}` })) }
          : resource === 'OrgUnit'
            ? { data: params.ids.map((id) => ({ id, name: UNITS[String(id)] ?? 'East Region' })) }
            : base.getMany(resource, params as never),
    ...extra,
  };
}

function view(rights: DecisionRight[], locale: 'en' | 'zh-CN' = 'en') {
  return render(
    <TestAdmin locale={locale} dataProvider={dataProvider() as never}>
      <DecisionRightsView rights={rights} personId="p2" personName="Li Na" asKnownAt="2026-03-01T12:00:00.000Z" />
    </TestAdmin>,
  );
}

describe('groupByDecisionPoint', () => {
  it('groups rights by decision point in the points’ order, keeping the API’s order within one', () => {
    const groups = groupByDecisionPoint([RIGHTS[4]!, RIGHTS[1]!, RIGHTS[0]!, RIGHTS[3]!]);
    expect(groups.map(([point, list]) => [point, list.length])).toEqual([
      ['ATI', 1],
      ['ATB', 2],
      ['ATC', 1],
    ]);
    expect(groups[1]![1]).toEqual([RIGHTS[1], RIGHTS[3]]);
  });
});

describe('DecisionRightsView', () => {
  it('lists each right by decision point: grades, the unit by name, the limit as money, the window', async () => {
    view(RIGHTS);
    expect(await screen.findByText('What Li Na may decide now')).toBeTruthy();
    const atb = screen.getByTestId('rights-ATB');
    expect(within(atb).getByRole('heading', { name: 'ATB · approve to bid' })).toBeTruthy();
    expect(within(atb).getByText('3 rights')).toBeTruthy();
    const rows = within(atb).getAllByTestId('decision-right');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByTestId('right-scope').textContent).toBe('East Region');
    expect(within(rows[0]!).getByTestId('right-limit').textContent).toBe('CN¥50,000,000.00');
    expect(within(rows[0]!).getByText('Grade II')).toBeTruthy();
    expect(within(rows[0]!).getByTestId('right-window').textContent).toMatch(/^01\/01\/2026 – open-ended$/);
    expect(within(rows[0]!).getByTestId('right-via').textContent).toBe('Position');
    expect(await within(rows[0]!).findByText('East rule 4')).toBeTruthy();
    expect(within(screen.getByTestId('rights-ATC')).getByText('1 right')).toBeTruthy();
    // No id of a unit, a person or a body anywhere.
    expect(document.body.textContent).not.toMatch(/\bo\d\b|\bp\d\b|\bb1\b/);
  });

  it('says a project role counts only where they are AR on the team', async () => {
    view(RIGHTS);
    const row = within(screen.getByTestId('rights-ATB')).getAllByTestId('decision-right')[1]!;
    expect(within(row).getByTestId('right-via').textContent).toBe('Project role');
    expect(within(row).getByTestId('right-project-role').textContent).toBe(
      'Only on projects where they are AR · Account Responsible on the team',
    );
    expect(within(row).getByTestId('right-scope').textContent).toBe('Headquarters');
  });

  it('names the body, the seats and the quorum for a seat on a decision body', async () => {
    view(RIGHTS);
    const row = within(screen.getByTestId('rights-ATI')).getByTestId('decision-right');
    expect(within(row).getByTestId('right-via').textContent).toBe('Decision-body seat');
    await waitFor(() => expect(within(row).getByTestId('right-body').textContent).toBe('Grade II decision team'));
    expect(within(row).getByText('Seat: Business-department director')).toBeTruthy();
    await waitFor(() =>
      expect(within(row).getByTestId('right-quorum').textContent).toBe(
        'Decides only together with the body: its quorum must be met (All fixed members agree).',
      ),
    );
    expect(within(row).getByTestId('right-limit').textContent).toBe('No limit');
  });

  it('draws a delegation’s chain with the people’s names, and who delegated', async () => {
    view(RIGHTS);
    const atb = screen.getByTestId('rights-ATB');
    const row = within(atb).getAllByTestId('decision-right')[2]!;
    expect(within(row).getByTestId('right-via').textContent).toBe('Delegation');
    expect(await within(row).findByText('Delegated by Zhang Wei')).toBeTruthy();
    expect(within(row).getByTestId('right-limit').textContent).toBe('CN¥10,000,000.00');
    const chain = within(atb).getByTestId('right-chain');
    const links = within(chain).getAllByTestId('chain-link');
    expect(links).toHaveLength(2);
    expect(await within(links[1]!).findByText(/Holder: Li Na/)).toBeTruthy();
    expect(await within(links[1]!).findByText(/From: Zhang Wei/)).toBeTruthy();
    expect(await within(links[1]!).findByText('Scope: Shanghai Office')).toBeTruthy();
  });

  it('speaks Chinese: labels, yuan, the empty state', async () => {
    const { unmount } = view(RIGHTS, 'zh-CN');
    expect(await screen.findByText('Li Na 当前可做的决策')).toBeTruthy();
    const atb = screen.getByTestId('rights-ATB');
    expect(within(atb).getByRole('heading', { name: 'ATB · 投标决策' })).toBeTruthy();
    expect(within(atb).getByText('3 项权限')).toBeTruthy();
    expect(within(atb).getAllByTestId('right-limit')[0]!.textContent).toBe('¥50,000,000.00');
    expect(
      within(atb)
        .getAllByTestId('right-via')
        .map((v) => v.textContent),
    ).toEqual(['职位', '项目角色', '转授权']);
    expect(within(atb).getByTestId('right-project-role').textContent).toBe(
      '仅限其在项目团队中担任 AR · 客户经理 的项目',
    );
    expect(await within(atb).findByText('由 Zhang Wei 转授')).toBeTruthy();
    unmount();
    view([], 'zh-CN');
    expect((await screen.findByTestId('rights-empty')).textContent).toBe(
      '此时无可做的决策：Li Na 没有任何职位、决策团队席位、项目角色或转授权赋予的决策权限。',
    );
  });

  it('says so in English when there is nothing to decide', async () => {
    view([]);
    expect((await screen.findByTestId('rights-empty')).textContent).toBe(
      'Nothing to decide at this moment: no position, decision-body seat, project role or delegation gives Li Na a ' +
        'decision right.',
    );
  });

  it('says a unit outside what the reader may see is not visible, never its id', async () => {
    view([right({ scopeOrgUnit: null, scopeOrgUnitId: 'o7' })]);
    expect((await screen.findByTestId('right-scope')).textContent).toBe('outside your units');
  });
});

describe('DecisionRightsPanel', () => {
  it('asks now, then at a past moment as known at another, and back to now', async () => {
    const decisionRights = jest.fn(async (_person: string, at?: string | null) => (at ? [] : RIGHTS));
    render(
      <TestAdmin dataProvider={dataProvider({ decisionRights }) as never}>
        <DecisionRightsPanel personId="p2" personName="Li Na" />
      </TestAdmin>,
    );
    expect(await screen.findByTestId('rights-ATB')).toBeTruthy();
    expect(decisionRights).toHaveBeenLastCalledWith('p2', null, null);
    expect(screen.getByTestId('answer-basis').textContent).toMatch(/^Answered from revision 250, as known at/);

    const [at, known] = [...document.querySelectorAll('input[type="datetime-local"]')] as HTMLInputElement[];
    fireEvent.change(at!, { target: { value: '2025-06-01T10:00' } });
    fireEvent.change(known!, { target: { value: '2026-02-01T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(decisionRights).toHaveBeenLastCalledWith(
        'p2',
        new Date('2025-06-01T10:00').toISOString(),
        new Date('2026-02-01T10:00').toISOString(),
      ),
    );
    expect(await screen.findByTestId('rights-empty')).toBeTruthy();
    expect(screen.getByTestId('rights-moment').textContent).toMatch(/^What Li Na may decide at /);

    fireEvent.click(screen.getByRole('button', { name: 'Back to now' }));
    await waitFor(() => expect(decisionRights).toHaveBeenLastCalledWith('p2', null, null));
    expect(await screen.findByTestId('rights-ATB')).toBeTruthy();
    expect(decisionRights).toHaveBeenCalledTimes(3);
  });

  it('shows the API’s refusal in the reader’s language', async () => {
    const decisionRights = jest.fn(async () => {
      throw Object.assign(new Error('Person 9 does not exist'), { body: { code: 'NOT_FOUND' } });
    });
    render(
      <TestAdmin dataProvider={dataProvider({ decisionRights }) as never}>
        <DecisionRightsPanel personId="p9" personName="Nobody" />
      </TestAdmin>,
    );
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(screen.queryByTestId('decision-rights')).toBeNull();
  });
});

function Probe() {
  return <span data-testid="may">{String(useMayReadDecisionRights())}</span>;
}

describe('who sees decision rights', () => {
  it.each(['ADMIN', 'HR', 'LEADER', 'VIEWER'])('%s may (every role reads authority)', async (role) => {
    render(
      <TestAdmin authProvider={authAs(role)}>
        <Probe />
      </TestAdmin>,
    );
    await waitFor(() => expect(screen.getByTestId('may').textContent).toBe('true'));
  });

  it('nobody without a role', async () => {
    render(
      <TestAdmin authProvider={authAs(null as never)}>
        <Probe />
      </TestAdmin>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('may').textContent).toBe('false');
  });
});
