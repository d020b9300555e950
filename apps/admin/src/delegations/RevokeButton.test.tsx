import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { saveSession } from '../auth/session';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import type { DelegationRecord } from '../providers/types';
import { RevokeButton } from './RevokeButton';

const base = {
  decisionPoints: ['ATB'],
  grades: ['III'],
  scopeOrgUnitId: 'o1',
  currency: 'CNY',
  validFrom: '2026-02-01T00:00:00.000Z',
  redelegableDepth: 1,
  reason: 'travel',
  version: 1,
} as const;
const root: DelegationRecord = {
  ...base,
  decisionPoints: ['ATB'],
  grades: ['III'],
  id: '12',
  sourceRuleId: '7',
  delegatorId: 'p1',
  delegateId: 'p2',
  limit: '1000000.00',
};
const child: DelegationRecord = {
  ...base,
  decisionPoints: ['ATB'],
  grades: ['III'],
  id: '13',
  sourceDelegationId: '12',
  delegatorId: 'p2',
  delegateId: 'p3',
  limit: '500000.00',
};

function setup(role: 'LEADER' | 'VIEWER' | 'ADMIN', personId: string | null = 'p1') {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: '1', email: 'x@demo.local', role, personId },
  });
  const delegationImpact = jest.fn().mockResolvedValue([root, child]);
  const revokeDelegation = jest.fn().mockResolvedValue([root, child]);
  const dataProvider = { ...fakeDataProvider(), delegationImpact, revokeDelegation };
  render(
    <TestAdmin dataProvider={dataProvider}>
      <RecordContextProvider value={root}>
        <RevokeButton />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return { delegationImpact, revokeDelegation };
}

describe('RevokeButton', () => {
  it('shows the delegations that will end before revoking, and needs a reason', async () => {
    const { delegationImpact, revokeDelegation } = setup('LEADER');
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    const impact = await screen.findByTestId('revoke-impact');
    expect(delegationImpact).toHaveBeenCalledWith('12');
    // The delegation that ends with it is named by its parties (Li Na → Wang Fang), never by id; itself is not listed.
    await waitFor(() => expect(impact.textContent).toContain('Li Na → Wang Fang'));
    expect(impact.textContent).not.toContain('Zhang Wei');
    expect(impact.textContent).not.toMatch(/#\d/);
    expect(within(screen.getByRole('dialog')).getByRole('heading').textContent).toBe(
      'Revoke delegation: Zhang Wei → Li Na · ATB · approve to bid · East Region',
    );
    expect(impact.textContent).toContain('CN¥500,000.00');
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Reason for revoking/), { target: { value: 'Back from travel' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(revokeDelegation).toHaveBeenCalledWith('12', 'Back from travel'));
  });

  it("is not offered to a leader on someone else's delegation (the API would refuse); an admin may", async () => {
    setup('LEADER', 'p9');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    cleanup();
    setup('ADMIN', null);
    expect(await screen.findByRole('button', { name: 'Revoke' })).toBeTruthy();
  });

  it('is not offered to a viewer', async () => {
    setup('VIEWER');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
  });
});
