import { render, screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { TestAdmin } from '../components/testing';
import type { Locale } from '../i18n/locale';
import { LeadClassReasons, LeadGradeReasons, MissingForOpportunity, type LeadRecord } from './LeadShow';

const lead = (over: Partial<LeadRecord> = {}): LeadRecord => ({
  id: '4',
  title: 'Storage refresh',
  status: 'OPEN',
  foundById: 'p1',
  verifiedById: null,
  verifiedAt: null,
  leadClass: 'CREDIBLE',
  classReasons: ['CLEAR_NEED', 'INVESTMENT_PLAN'],
  classMissing: ['DECISION_MAKER', 'EXPECTED_DATE'],
  grade: 'MAJOR',
  gradeReasons: ['SIZE_MAJOR', 'S_TIER_CUSTOMER'],
  missingForOpportunity: ['DEFINITE_BUDGET', 'VERIFIED'],
  opportunityId: null,
  ...over,
});

function renderReasons(record: LeadRecord, locale: Locale = 'en') {
  render(
    <TestAdmin locale={locale}>
      <RecordContextProvider value={record}>
        <LeadClassReasons />
        <LeadGradeReasons />
        <MissingForOpportunity />
      </RecordContextProvider>
    </TestAdmin>,
  );
}

describe('a lead’s class, grade and what it still needs', () => {
  it('explains the class and grade by their facts and criteria, in English', async () => {
    renderReasons(lead());
    const cls = await screen.findByTestId('lead-class');
    expect(cls.textContent).toContain('Credible lead');
    expect(cls.textContent).toContain('Facts held: a clear need, an investment plan');
    expect(cls.textContent).toContain('Missing for the next class: a known decision maker, a start or close date');
    const reasons = screen.getByTestId('lead-grade-reasons');
    expect([...reasons.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Size at or above the major threshold',
      'An S-tier customer',
    ]);
    expect(screen.getByTestId('lead-missing').textContent).toBe(
      'Not ready yet. The lead still needs: a definite budget of the customer, a verification.',
    );
  });

  it('speaks Chinese with no codes on screen', async () => {
    renderReasons(lead({ leadClass: 'OPPORTUNITY_LEAD', classMissing: [], missingForOpportunity: [] }), 'zh-CN');
    const cls = await screen.findByTestId('lead-class');
    expect(cls.textContent).toContain('机会线索');
    expect(cls.textContent).toContain('已具备：明确的需求、投资计划');
    expect(cls.textContent).toContain('已具备机会线索所需的全部事实。');
    expect(screen.getByTestId('lead-grade').textContent).toContain('重大');
    expect(screen.getByTestId('lead-missing').textContent).toBe('该线索已具备转为机会点的全部条件。');
    expect(document.body.textContent).not.toMatch(/[A-Z]{2,}_[A-Z]+/);
  });

  it('says nothing about conversion once the lead is converted or dropped', async () => {
    renderReasons(lead({ status: 'CONVERTED' }));
    await screen.findByTestId('lead-class');
    expect(screen.queryByTestId('lead-missing')).toBeNull();
  });
});
