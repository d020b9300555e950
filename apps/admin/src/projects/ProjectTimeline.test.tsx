import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { GraphQLRequestError } from '../graphql/client';
import { authAs, TestAdmin } from '../components/testing';
import { ProjectTimeline } from './ProjectTimeline';
import * as api from './timelineApi';

jest.mock('./timelineApi');
// Dialogs with several inputs render slowly on a shared machine.
jest.setTimeout(30_000);
const mocked = jest.mocked(api);

const data: api.TimelineData = {
  id: '5',
  name: 'Warehouse',
  stage: 'OPPORTUNITY',
  amount: '3200000.00',
  currency: 'CNY',
  decisions: [
    {
      id: '1',
      decisionPoint: 'ATI',
      outcome: 'APPROVED',
      deciderId: '10',
      decider: { id: '10', name: 'Zhang Yu' },
      decidedAt: '2026-01-01T08:00:00.000Z',
      complete: true,
      comment: 'go',
      reopenedAt: null,
      reopenedReason: null,
    },
  ],
  requests: [],
};
const pending: api.RequestRow = {
  id: 'r1',
  decisionPoint: 'ATB',
  status: 'PENDING',
  requesterId: '3',
  requester: { id: '3', name: 'Li Na' },
  requestedAt: '2026-02-01T08:00:00.000Z',
  dueAt: '2026-02-08T08:00:00.000Z',
  overdue: true,
  note: 'please',
  amount: '3200000.00',
  currency: 'CNY',
  recipients: [{ personId: '10', level: 0, person: { id: '10', name: 'Zhang Yu' } }],
};

function signInAs(personId: string) {
  localStorage.setItem(
    'ironTriangle.session',
    JSON.stringify({
      token: 't',
      expiresAt: '2999-01-01T00:00:00.000Z',
      user: { id: 'u', email: 'leader@demo.local', role: 'LEADER', personId },
    }),
  );
}

function renderTimeline(role = 'LEADER', locale: 'en' | 'zh-CN' = 'en') {
  return render(
    <TestAdmin authProvider={authAs(role)} locale={locale}>
      <RecordContextProvider value={{ id: '5' }}>
        <ProjectTimeline />
      </RecordContextProvider>
    </TestAdmin>,
  );
}

beforeEach(() => {
  jest.resetAllMocks();
  localStorage.clear();
});

describe('ProjectTimeline', () => {
  it('shows each point by name with its state, who decided and what is missing; no ids', async () => {
    mocked.loadTimeline.mockResolvedValue(data);
    renderTimeline();
    const ati = await screen.findByTestId('timeline-ATI');
    expect(ati.textContent).toMatch(/ATI · approve to initiate.*Done.*Approved by Zhang Yu.*Note: go/);
    expect(screen.getByTestId('timeline-ATB').textContent).toMatch(/Next.*May be asked for now/);
    expect(screen.getByTestId('timeline-ATC').textContent).toContain('Locked: ATB · approve to bid must be approved');
    expect(screen.getByTestId('timeline-stage').textContent).toBe('Stage now: Manage opportunities');
    expect(screen.getByTestId('project-timeline').textContent).not.toMatch(/#\d/);
  });

  it('a pending request: who asked, whom it waits with, overdue; its requester may withdraw it', async () => {
    signInAs('3');
    mocked.loadTimeline.mockResolvedValue({ ...data, requests: [pending] });
    mocked.withdrawDecisionRequest.mockResolvedValue({ ...pending, status: 'WITHDRAWN' });
    renderTimeline();
    const atb = await screen.findByTestId('timeline-ATB');
    expect(atb.textContent).toMatch(/Pending.*Asked by Li Na.*Waiting with: Zhang Yu.*Note: please.*Overdue/);
    fireEvent.click(within(atb).getByRole('button', { name: 'Withdraw request' }));
    await waitFor(() => expect(mocked.withdrawDecisionRequest).toHaveBeenCalledWith('r1'));
    await waitFor(() => expect(mocked.loadTimeline).toHaveBeenCalledTimes(2));
  });

  it('someone else’s pending request cannot be withdrawn here; a viewer may not request', async () => {
    signInAs('99');
    mocked.loadTimeline.mockResolvedValue({ ...data, requests: [pending] });
    renderTimeline('VIEWER');
    const atb = await screen.findByTestId('timeline-ATB');
    expect(within(atb).queryByRole('button', { name: 'Withdraw request' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Request a decision' })).toBeNull();
  });

  it('requests the next point with the project amount, shows the routing, and a refusal in our words', async () => {
    mocked.loadTimeline.mockResolvedValue(data);
    mocked.routedTo.mockResolvedValue([
      { personId: '10', direct: true, quorumRequired: false, person: { name: 'Zhang Yu' } },
      { personId: '11', direct: false, quorumRequired: false, person: null },
    ]);
    mocked.requestDecision
      .mockRejectedValueOnce(
        new GraphQLRequestError('already', 'REQUEST.ALREADY_PENDING', {}, undefined, {
          code: 'REQUEST.ALREADY_PENDING',
        }),
      )
      .mockResolvedValueOnce(pending);
    renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: 'Request a decision' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: 'Decision point' }).textContent).toBe('ATB · approve to bid');
    expect((within(dialog).getByLabelText('Amount (CNY)') as HTMLInputElement).value).toBe('3200000.00');
    await waitFor(() =>
      expect(within(dialog).getByTestId('routed-to').textContent).toBe(
        'It will be routed to: Zhang Yu, 1 more person outside what you may see',
      ),
    );
    fireEvent.change(within(dialog).getByLabelText('Note for the deciders'), { target: { value: ' bid ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect((await within(dialog).findByTestId('request-error')).textContent).toBe(
      'A request for this decision on this project is already waiting: decide or withdraw that one first.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(mocked.requestDecision).toHaveBeenLastCalledWith({
      projectId: '5',
      decisionPoint: 'ATB',
      amount: '3200000.00',
      dueAt: undefined,
      note: 'bid',
    });
  });

  it('a refused due date (BAD_USER_INPUT with its REQUEST reason) in Chinese', async () => {
    mocked.loadTimeline.mockResolvedValue(data);
    mocked.routedTo.mockResolvedValue([]);
    mocked.requestDecision.mockRejectedValue(
      new GraphQLRequestError('dueAt must lie after', 'BAD_USER_INPUT', { dueAt: 'x' }, undefined, {
        code: 'BAD_USER_INPUT',
        reasons: [{ code: 'REQUEST.DUE_NOT_AFTER_REQUEST', message: 'x', data: null, field: 'dueAt' }],
      }),
    );
    renderTimeline('LEADER', 'zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: '提请决策' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('routed-to').textContent).toBe('目前没有人可以对该项目作出此决策。'),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '提交请求' }));
    const error = await within(dialog).findByTestId('request-error');
    expect(error.textContent).not.toContain('dueAt');
    expect(error.textContent).toMatch(/截止/);
  });
});
