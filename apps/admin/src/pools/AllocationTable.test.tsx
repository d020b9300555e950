import { render, screen, within } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { sumDecimals } from '../components/decimal';
import { AllocationTable, traceFor } from './AllocationTable';
import type { PoolMember } from '../providers/types';

const members: PoolMember[] = [
  { id: 'm1', personId: 'p1', role: 'AR', weight: '0.4', coefficient: '1.2', participation: '1', share: '400000.01' },
  { id: 'm2', personId: 'p2', role: 'SR', weight: '0.35', coefficient: '1.0', participation: '1', share: '349999.99' },
  { id: 'm3', personId: 'p3', role: 'FR', weight: '0.25', coefficient: '1.0', participation: '1', share: '250000.00' },
];
const trace = [
  {
    memberId: 'm1',
    points: '0.4 × 1.2 × 1 = 0.48',
    share: '1000000.00 × 0.48 / 1.20 = 400000.00',
    remainder: '+0.01 (largest remainder)',
  },
  { memberId: 'm2', points: '0.35 × 1.0 × 1 = 0.35' },
];

describe('AllocationTable', () => {
  it('shows each member’s share with its trace, and the exact total', async () => {
    render(
      <TestAdmin>
        <AllocationTable pool={{ members, currency: 'CNY', fundedAmount: '1000000.00', allocationTrace: trace }} />
      </TestAdmin>,
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(5); // header, 3 members, total
    expect(await within(rows[1] as HTMLElement).findByText('Zhang Wei')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('CN¥400,000.01')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('+0.01 (largest remainder)')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('SR · Solution Responsible')).toBeTruthy();
    expect(screen.getByTestId('total').textContent).toBe('CN¥1,000,000.00');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the shares do not add up to the funded pool', () => {
    render(
      <TestAdmin>
        <AllocationTable pool={{ members, currency: 'CNY', fundedAmount: '1000000.02', allocationTrace: null }} />
      </TestAdmin>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Shares sum to CN¥1,000,000.00');
  });

  it('says when nothing is allocated yet, in Chinese too', () => {
    const unallocated = members.map((m) => ({ ...m, share: null }));
    render(
      <TestAdmin locale="zh-CN">
        <AllocationTable pool={{ members: unallocated, currency: 'CNY', fundedAmount: null, allocationTrace: null }} />
      </TestAdmin>,
    );
    expect(screen.getByText('尚未分配')).toBeTruthy();
    expect(screen.getByText('分配额')).toBeTruthy();
  });

  it("writes the API's share trace as a formula", () => {
    const apiTrace = {
      totalScore: { exact: '1', display: '1.0000' },
      shares: [
        {
          memberId: 'm1',
          personId: 'p1',
          share: '400000.01',
          trace: {
            weight: '2/5',
            coefficient: '1.2',
            participation: '1',
            score: { exact: '12/25', display: '0.4800' },
            remainderUnit: true,
            share: '400000.01',
          },
        },
      ],
    };
    render(
      <TestAdmin>
        <AllocationTable
          pool={{
            members: [members[0] as PoolMember],
            currency: 'CNY',
            fundedAmount: '400000.01',
            allocationTrace: apiTrace,
          }}
        />
      </TestAdmin>,
    );
    expect(screen.getByText(/weight 2\/5 × coefficient 1.2 × participation 1 = score 0.4800/)).toBeTruthy();
    expect(screen.getByText(/score 0.4800 of total 1.0000 → CN¥400,000.01/)).toBeTruthy();
    expect(screen.getByText(/largest remainder/)).toBeTruthy();
  });

  it('finds trace entries by member, by person, or in a map', () => {
    const m = members[0] as PoolMember;
    expect(traceFor(trace, m)).toBe(trace[0]);
    expect(traceFor({ members: [{ personId: 'p1', x: 1 }] }, m)).toEqual({ personId: 'p1', x: 1 });
    expect(traceFor({ m1: 'a' }, m)).toBe('a');
    expect(traceFor(JSON.stringify({ p1: 'b' }), m)).toBe('b');
    expect(traceFor(null, m)).toBeUndefined();
  });

  it('sums money strings exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.30');
    expect(sumDecimals(['400000.01', '349999.99', '250000.00'])).toBe('1000000.00');
    expect(sumDecimals(['-1.005', '1'])).toBe('-0.005');
    expect(sumDecimals([])).toBe('0.00');
  });
});
