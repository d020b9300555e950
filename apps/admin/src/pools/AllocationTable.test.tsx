import { render, screen, within } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { sumDecimals } from '../components/decimal';
import { AllocationTable } from './AllocationTable';
import type { ExactFraction, PoolAllocationTrace, PoolShareTrace } from './traces';
import type { PoolMember } from '../providers/types';

const members: PoolMember[] = [
  { id: 'm1', personId: 'p1', role: 'AR', weight: '0.4', coefficient: '1.2', participation: '1', share: '400000.01' },
  { id: 'm2', personId: 'p2', role: 'SR', weight: '0.35', coefficient: '1.0', participation: '1', share: '349999.99' },
  { id: 'm3', personId: 'p3', role: 'FR', weight: '0.25', coefficient: '1.0', participation: '1', share: '250000.00' },
];
/** The typed allocation trace of IncentivePool.allocation for the members above. */
const fraction = (numerator: string, denominator: string, display: string): ExactFraction => ({
  numerator,
  denominator,
  display,
});
const shareTrace = (m: PoolMember, score: ExactFraction, remainderUnit: boolean): PoolShareTrace => ({
  memberId: m.id,
  personId: m.personId,
  role: m.role,
  weight: m.weight,
  rating: null,
  coefficient: m.coefficient,
  participation: m.participation,
  score,
  remainderUnit,
  share: m.share as string,
});
const allocation: PoolAllocationTrace = {
  totalScore: fraction('6', '5', '1.2000'),
  preview: false,
  shares: [
    shareTrace(members[0]!, fraction('12', '25', '0.4800'), true),
    shareTrace(members[1]!, fraction('7', '20', '0.3500'), false),
    shareTrace(members[2]!, fraction('1', '4', '0.2500'), false),
  ],
};

describe('AllocationTable', () => {
  it('shows each member’s share with its trace, and the exact total', async () => {
    render(
      <TestAdmin>
        <AllocationTable pool={{ members, currency: 'CNY', fundedAmount: '1000000.00', allocation }} />
      </TestAdmin>,
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(5); // header, 3 members, total
    expect(await within(rows[1] as HTMLElement).findByText('Zhang Wei')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('CN¥400,000.01')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(/largest remainder/)).toBeTruthy();
    expect(within(rows[2] as HTMLElement).queryByText(/largest remainder/)).toBeNull();
    expect(within(rows[2] as HTMLElement).getByText('SR · Solution Responsible')).toBeTruthy();
    expect(screen.getByTestId('total').textContent).toBe('CN¥1,000,000.00');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the shares do not add up to the funded pool', () => {
    render(
      <TestAdmin>
        <AllocationTable pool={{ members, currency: 'CNY', fundedAmount: '1000000.02', allocation: null }} />
      </TestAdmin>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Shares sum to CN¥1,000,000.00');
  });

  it('says when nothing is allocated yet, in Chinese too', () => {
    const unallocated = members.map((m) => ({ ...m, share: null }));
    render(
      <TestAdmin locale="zh-CN">
        <AllocationTable pool={{ members: unallocated, currency: 'CNY', fundedAmount: null, allocation: null }} />
      </TestAdmin>,
    );
    expect(screen.getByText('尚未分配')).toBeTruthy();
    expect(screen.getByText('分配额')).toBeTruthy();
  });

  it("writes the API's share trace as a formula", () => {
    const m1 = { ...(members[0] as PoolMember), weight: '2/5' };
    render(
      <TestAdmin>
        <AllocationTable
          pool={{
            members: [m1],
            currency: 'CNY',
            fundedAmount: '400000.01',
            allocation: {
              totalScore: fraction('1', '1', '1.0000'),
              preview: false,
              shares: [shareTrace(m1, fraction('12', '25', '0.4800'), true)],
            },
          }}
        />
      </TestAdmin>,
    );
    // The role weight as a percent, in the formula and in its column (not "2/5" beside "0.4").
    expect(screen.getByText(/weight 40.0% × coefficient 1.2 × participation 1 = score 0.4800/)).toBeTruthy();
    expect(screen.getAllByRole('row')[1]!.textContent).toContain('40.0%');
    expect(screen.queryByText(/2\/5/)).toBeNull();
    expect(screen.getByText(/score 0.4800 of total 1.0000 → CN¥400,000.01/)).toBeTruthy();
    expect(screen.getByText(/largest remainder/)).toBeTruthy();
  });

  it('sums money strings exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30');
    expect(sumDecimals(['400000.01', '349999.99', '250000.00'])).toBe('1000000.00');
    expect(sumDecimals(['-1.005', '1'])).toBe('-0.005');
    expect(sumDecimals([])).toBe('0.00');
  });
});
