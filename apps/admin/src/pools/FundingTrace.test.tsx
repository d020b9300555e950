import { render, screen, within } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { FundingTrace } from './FundingTrace';
import type { ExactFraction, PoolFundingTrace } from './traces';

const fraction = (numerator: string, denominator: string, display: string): ExactFraction => ({
  numerator,
  denominator,
  display,
});

/** The typed trace of IncentivePool.funding: exact fractions as integer strings. */
const funding: PoolFundingTrace = {
  currency: 'CNY',
  baseAmount: '1000000.00',
  metrics: [
    {
      metric: 'ORDERS',
      weight: 40,
      target: '600.00',
      actual: '419.00',
      rawAttainment: fraction('419', '600', '0.6983'),
      capped: false,
      attainment: fraction('419', '600', '0.6983'),
      contribution: fraction('419', '1500', '0.2793'),
    },
  ],
  attainment: fraction('419', '1500', '0.2793'),
  gate: { threshold: fraction('3', '5', '0.6000'), passed: false },
  multiplier: { value: fraction('0', '1', '0.0000'), branch: 'BELOW_GATE', uncapped: null },
  fundedAmount: '0.00',
};

describe('FundingTrace', () => {
  it('renders the typed trace: exact percentages from the fractions, the gate, the multiplier and the amount', () => {
    render(
      <TestAdmin>
        <FundingTrace funding={funding} currency="CNY" />
      </TestAdmin>,
    );
    const rows = within(screen.getByTestId('funding-trace')).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('69.8%');
    // The metric's weight is written like every other percent.
    expect(rows[1]!.textContent).toContain('40.0%');
    expect(rows[1]!.textContent).toContain('27.9%');
    expect(screen.getByTestId('funding-trace').textContent).toContain('60.0%');
    // The multiplier's branch in words, never the code.
    expect(screen.getByTestId('funding-trace').textContent).toContain('multiplier 0.0000 (below the gate)');
    expect(screen.getByTestId('funding-trace').textContent).not.toContain('BELOW_GATE');
  });

  it('names the branch in Chinese', () => {
    render(
      <TestAdmin locale="zh-CN">
        <FundingTrace
          funding={{ ...funding, multiplier: { ...funding.multiplier, branch: 'LINEAR' } }}
          currency="CNY"
        />
      </TestAdmin>,
    );
    expect(screen.getByTestId('funding-trace').textContent).toContain('线性');
    expect(screen.getByTestId('funding-trace').textContent).not.toContain('LINEAR');
  });

  it('shows nothing before the pool is funded', () => {
    const { container } = render(
      <TestAdmin>
        <FundingTrace funding={null} currency="CNY" />
      </TestAdmin>,
    );
    expect(container.querySelector('[data-testid="funding-trace"]')).toBeNull();
  });
});
