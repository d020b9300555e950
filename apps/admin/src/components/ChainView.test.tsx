import { render, screen, within } from '@testing-library/react';
import { ChainView } from './ChainView';
import { TestAdmin } from './testing';
import type { AuthorityChain } from '../providers/types';

const chain: AuthorityChain = {
  links: [
    {
      kind: 'RULE',
      id: '7',
      holderPersonId: 'p1',
      decisionPoints: ['ATB', 'ATC'],
      grades: ['II', 'III'],
      scopeOrgUnitId: 'o1',
      limit: '5000000.00',
      currency: 'CNY',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: null,
    },
    {
      kind: 'DELEGATION',
      id: '12',
      holderPersonId: 'p2',
      delegatorId: 'p1',
      decisionPoints: ['ATB'],
      grades: ['III'],
      scopeOrgUnitId: 'o1',
      limit: '1000000.00',
      currency: 'CNY',
      validFrom: '2026-02-01T00:00:00.000Z',
      validTo: '2026-06-30T00:00:00.000Z',
      requiredRole: 'AR',
      requiredLevel: 3,
    },
  ],
};

describe('ChainView', () => {
  it('draws each link in order, from the rule to the delegate, with limits and windows', async () => {
    render(
      <TestAdmin>
        <ChainView chain={chain} />
      </TestAdmin>,
    );
    const steps = await screen.findAllByTestId('chain-link');
    expect(steps).toHaveLength(2);
    // Each step says what it is by its name and parties, never by its id.
    expect(await within(steps[0] as HTMLElement).findByText('Authority rule: AuthorityRule 7')).toBeTruthy();
    expect(await within(steps[1] as HTMLElement).findByText('Delegation: Zhang Wei → Li Na')).toBeTruthy();
    for (const step of steps) expect(step.textContent).not.toMatch(/#\d/);
    expect(within(steps[0] as HTMLElement).getByText(/CN¥5,000,000\.00/)).toBeTruthy();
    expect(within(steps[1] as HTMLElement).getByText(/CN¥1,000,000\.00/)).toBeTruthy();
    expect(within(steps[0] as HTMLElement).getByText(/open-ended/)).toBeTruthy();
    expect(within(steps[1] as HTMLElement).getByText(/Requires AR · Account Responsible ≥ 3/)).toBeTruthy();
    expect(await within(steps[1] as HTMLElement).findByText(/Holder: Li Na/)).toBeTruthy();
    expect(await within(steps[1] as HTMLElement).findByText(/From: Zhang Wei/)).toBeTruthy();
  });

  it('speaks Chinese and formats yuan for Chinese readers', async () => {
    render(
      <TestAdmin locale="zh-CN">
        <ChainView chain={chain} />
      </TestAdmin>,
    );
    expect(await screen.findByText('授权规则：AuthorityRule 7')).toBeTruthy();
    expect(await screen.findByText('转授权：Zhang Wei → Li Na')).toBeTruthy();
    expect(screen.getAllByText(/¥5,000,000\.00/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('ATB · 投标决策')).toHaveLength(2);
    expect(screen.getByText(/要求 AR · 客户经理 ≥ 3 级/)).toBeTruthy();
  });

  it('says so when there is no chain', async () => {
    render(
      <TestAdmin>
        <ChainView chain={{ links: [] }} />
      </TestAdmin>,
    );
    expect(await screen.findByText('No chain')).toBeTruthy();
  });
});
