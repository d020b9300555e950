import { render, screen } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { AuthorizationResultView } from './AuthorizationResultView';

describe('AuthorizationResultView', () => {
  it('lists every reason when the decision is not allowed', async () => {
    render(
      <TestAdmin locale="zh-CN">
        <AuthorizationResultView
          result={{
            allowed: false,
            at: '2026-03-03T08:00:00.000Z',
            chains: [],
            reasons: [
              {
                code: 'AMOUNT_OVER_LIMIT',
                message: '金额 ¥2,500,000.00 超出转授权 #3 的限额 ¥2,000,000.00。',
                linkId: '3',
              },
              { code: 'OUT_OF_SCOPE', message: '组织不在授权范围内。' },
            ],
          }}
        />
      </TestAdmin>,
    );
    expect(await screen.findByText('不允许')).toBeTruthy();
    const reasons = screen.getByTestId('denial-reasons');
    expect(reasons.textContent).toContain('金额超出授权额度');
    expect(reasons.textContent).toContain('超出转授权 #3 的限额');
    expect(reasons.textContent).toContain('超出授权范围');
  });

  it('draws each allowing chain', async () => {
    render(
      <TestAdmin>
        <AuthorizationResultView
          personId="p2"
          result={{
            allowed: true,
            at: '2026-03-03T08:00:00.000Z',
            reasons: [],
            chains: [
              {
                links: [
                  {
                    kind: 'RULE',
                    id: '7',
                    holderPersonId: 'p1',
                    decisionPoints: ['ATB'],
                    grades: ['III'],
                    scopeOrgUnitId: 'o1',
                    limit: null,
                    currency: 'CNY',
                    validFrom: '2026-01-01T00:00:00.000Z',
                  },
                ],
              },
            ],
          }}
        />
      </TestAdmin>,
    );
    expect(await screen.findByText('Allowed')).toBeTruthy();
    expect(screen.getAllByTestId('chain-link')).toHaveLength(1);
    expect(screen.getByText(/No limit/)).toBeTruthy();
  });
});
