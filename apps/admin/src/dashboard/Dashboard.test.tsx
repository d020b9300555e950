import { render, screen } from '@testing-library/react';
import { saveSession } from '../auth/session';
import { TestAdmin } from '../components/testing';
import { gqlRequest } from '../graphql/client';
import { Dashboard } from './Dashboard';
import { askDashboardEarly, takeEarlyDashboard } from './dashboardQuery';
import type { DashboardData } from './dashboardApi';

jest.mock('../graphql/client', () => ({
  ...jest.requireActual('../graphql/client'),
  gqlRequest: jest.fn(),
}));
jest.mock('./DashboardCharts', () => ({ __esModule: true, default: () => null }));
const gql = gqlRequest as jest.MockedFunction<typeof gqlRequest>;

const DATA: DashboardData = {
  at: '2999-01-01T00:00:00.000Z',
  qualificationLevels: [],
  triangleCoverage: [],
  poolsByStatus: [],
  decisionsByWeek: [],
  expiringCertifications: [
    {
      id: '7',
      role: 'AR',
      validUntil: '2999-01-20T00:00:00.000Z',
      person: { id: 'p1', name: '高宁', latinName: null },
    },
  ],
  // The delegator is outside the reader's units: the API answers null for that person.
  endingDelegations: [
    {
      id: '3',
      validTo: '2999-01-06T00:00:00.000Z',
      decisionPoints: ['ATAC'],
      delegator: null,
      delegate: { id: 'p2', name: '张宇', latinName: null },
    },
  ],
  poolsAwaitingApproval: [],
  decisionsThisWeek: [
    {
      id: '9',
      decisionPoint: 'ATAC',
      outcome: 'APPROVED',
      decidedAt: '2999-01-01T00:00:00.000Z',
      project: { id: '4', name: 'Telecom data-centre power' },
    },
  ],
};

function renderAs(role: 'HR' | 'LEADER' | 'VIEWER') {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: `u-${role}`, email: `${role.toLowerCase()}@demo.local`, role, personId: null },
  });
  gql.mockResolvedValue({ dashboard: DATA } as never);
  render(
    <TestAdmin locale="zh-CN">
      <Dashboard />
    </TestAdmin>,
  );
}

describe('Dashboard', () => {
  it.each(['VIEWER', 'LEADER'] as const)('offers a %s the re-certification list to read, not to plan', async (role) => {
    renderAs(role);
    const link = await screen.findByTestId('dash-recertification');
    expect(link.textContent).toBe('查看即将到期的全部认证');
    expect(screen.queryByText('安排复审')).toBeNull();
  });

  it('offers HR to plan re-certification', async () => {
    renderAs('HR');
    expect((await screen.findByTestId('dash-recertification')).textContent).toBe('安排复审');
  });

  it('names a delegator outside the reader’s units neutrally, never "no access"', async () => {
    renderAs('LEADER');
    const card = await screen.findByTestId('dash-delegations');
    expect(card.textContent).toContain('所辖范围外的人员 → 张宇');
    expect(card.textContent).not.toMatch(/无权|#\d/);
  });

  it('shows an early answer that is in already on its first render, without asking again', async () => {
    saveSession({
      token: 't',
      expiresAt: '2999-01-01T00:00:00.000Z',
      user: { id: 'u-HR', email: 'hr@demo.local', role: 'HR', personId: null },
    });
    gql.mockReset();
    gql.mockResolvedValue({ dashboard: DATA } as never);
    askDashboardEarly();
    await new Promise((r) => setTimeout(r, 0));
    const dashboardRequests = () => gql.mock.calls.filter(([query]) => String(query).includes('query Dashboard'));
    expect(dashboardRequests()).toHaveLength(1);
    render(
      <TestAdmin locale="zh-CN">
        <Dashboard />
      </TestAdmin>,
    );
    // The cards are there once the screen is (no progress bar first), and the answer was not asked for again.
    const card = await screen.findByTestId('dash-qualifications');
    expect(card.textContent).toContain('高宁');
    expect(screen.getByTestId('welcome')).toBeTruthy();
    expect(dashboardRequests()).toHaveLength(1);
    // Taken once shown: a later dashboard asks for itself.
    expect(takeEarlyDashboard()).toBeNull();
  });

  it('writes each card line as one sentence that wraps like text (a link is not a column of its own)', async () => {
    renderAs('LEADER');
    const card = await screen.findByTestId('dash-decisions');
    const line = card.querySelector('li')!;
    expect(line.textContent).toContain('ATAC · 合同变更决策');
    expect(getComputedStyle(line).display).toBe('block');
  });
});
