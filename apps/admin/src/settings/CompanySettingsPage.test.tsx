import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Notification } from 'react-admin';
import { saveSession } from '../auth/session';
import { TestAdmin } from '../components/testing';
import { gqlRequest, toRequestError } from '../graphql/client';
import type { Locale } from '../i18n/locale';
import { CompanySettingsPage } from './CompanySettingsPage';
import type { CompanySettingsData } from './settingsApi';
import { parsePercent } from './settingsApi';

jest.mock('../graphql/client', () => ({
  ...jest.requireActual('../graphql/client'),
  gqlRequest: jest.fn(),
}));
const gql = gqlRequest as jest.MockedFunction<typeof gqlRequest>;

const SETTINGS: CompanySettingsData = {
  id: '1',
  version: 4,
  materialChangeShare: '10',
  sponsorConflictOfInterest: false,
  requireDecisionMakerForAti: true,
  decisionDueDays: { I: 5, II: 10, III: 20 },
  stageProbabilities: { POTENTIAL: 10, INTENT: 30, NEGOTIATION: 70, DEAL: 100, LOST: 0 },
  leadSizeThresholds: { currency: 'CNY', companyMajor: '100000000.00', major: '10000000.00', important: '1000000.00' },
};

function renderPage(locale: Locale = 'en', role: 'ADMIN' | 'VIEWER' = 'ADMIN') {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: '1', email: `${role.toLowerCase()}@demo.local`, role, personId: null },
  });
  render(
    <TestAdmin locale={locale}>
      <CompanySettingsPage />
      <Notification />
    </TestAdmin>,
  );
}

const input = (field: string) => screen.getByTestId(`settings-${field}`) as HTMLInputElement;
const type = (field: string, value: string) => fireEvent.change(input(field), { target: { value } });

beforeEach(() => gql.mockReset());

describe('CompanySettingsPage', () => {
  it('reads probabilities in percent and saves what the API takes (whole percents, the ATI check off)', async () => {
    const sent: Array<Record<string, unknown>> = [];
    gql.mockImplementation(async (query: string, variables?: Record<string, unknown>) => {
      if (query.includes('updateCompanySettings')) {
        sent.push(variables!);
        return {
          updateCompanySettings: {
            ...SETTINGS,
            version: 5,
            requireDecisionMakerForAti: false,
            stageProbabilities: { ...SETTINGS.stageProbabilities, INTENT: 35 },
          },
        } as never;
      }
      return { companySettings: SETTINGS } as never;
    });
    renderPage();
    await screen.findByTestId('company-settings');
    expect(input('stageProbabilities.INTENT').value).toBe('30');
    expect(screen.getByText('Intent (%)')).toBeTruthy();
    expect(screen.getByTestId('settings-fixed-stages').textContent).toBe('Deal is always 100 % and lost always 0 %.');
    expect(screen.getByText(/asking for ATI on a project whose opportunity has no decision maker/)).toBeTruthy();
    type('stageProbabilities.INTENT', '35 %');
    fireEvent.click(input('requireDecisionMakerForAti'));
    type('leadSizeThresholds.major', '12,000,000');
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText('Company settings saved');
    expect(sent).toEqual([
      {
        version: 4,
        input: {
          materialChangeShare: '10',
          sponsorConflictOfInterest: false,
          requireDecisionMakerForAti: false,
          decisionDueDays: { I: 5, II: 10, III: 20 },
          stageProbabilities: { POTENTIAL: 10, INTENT: 35, NEGOTIATION: 70 },
          leadSizeThresholds: {
            currency: 'CNY',
            companyMajor: '100000000.00',
            major: '12000000',
            important: '1000000.00',
          },
        },
      },
    ]);
    // The saved record is the form's new state (its version for the next save).
    await waitFor(() => expect(input('stageProbabilities.INTENT').value).toBe('35'));
    expect(input('requireDecisionMakerForAti').checked).toBe(false);
  });

  it('refuses what is not a whole percent or a number before asking the API', async () => {
    gql.mockResolvedValue({ companySettings: SETTINGS } as never);
    renderPage();
    await screen.findByTestId('company-settings');
    type('stageProbabilities.POTENTIAL', '0.5');
    type('stageProbabilities.NEGOTIATION', '120');
    type('leadSizeThresholds.important', 'a million');
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findAllByText('Give a whole percent from 0 to 100, e.g. 30 or 30 %.')).toHaveLength(2);
    expect(screen.getByText('Give an amount as a plain number, e.g. 10000000 or 10000000.00.')).toBeTruthy();
    expect(gql).toHaveBeenCalledTimes(1);
    expect([parsePercent('30'), parsePercent('30%'), parsePercent(' 30 % '), parsePercent('100')]).toEqual([
      30, 30, 30, 100,
    ]);
    expect([parsePercent('101'), parsePercent('-5'), parsePercent('12.5'), parsePercent('')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('shows the API’s refusals beside their fields, translated (Chinese)', async () => {
    gql.mockImplementation(async (query: string) => {
      if (query.includes('updateCompanySettings'))
        throw toRequestError([
          {
            message: 'refused',
            extensions: {
              code: 'BAD_USER_INPUT',
              reasons: [
                {
                  code: 'SALES.STAGE_PROBABILITIES_INVALID',
                  message: 'The stage probabilities are invalid at INTENT (5)',
                  data: { stage: 'INTENT', value: 5 },
                  field: 'stageProbabilities.INTENT',
                },
                {
                  code: 'SALES.LEAD_THRESHOLDS_NOT_ORDERED',
                  message: 'The lead size thresholds must descend',
                  data: {},
                  field: 'leadSizeThresholds',
                },
              ],
            },
          },
        ]);
      return { companySettings: SETTINGS } as never;
    });
    renderPage('zh-CN');
    await screen.findByTestId('company-settings');
    expect(screen.getByText('意向（%）')).toBeTruthy();
    type('stageProbabilities.INTENT', '5');
    type('leadSizeThresholds.important', '999999999');
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByTestId('settings-error-leadSizeThresholds');
    expect(screen.getByTestId('settings-error-leadSizeThresholds').textContent).toBe(
      '线索规模阈值须为正数并递减：公司级重大 > 重大 > 重要 > 0。',
    );
    expect(screen.getByText(/^阶段概率无效/)).toBeTruthy();
    expect(screen.getByTestId('settings-failure').textContent).toBe('未保存任何内容：请查看下方标出的字段。');
    expect(document.body.textContent).not.toMatch(/STAGE_PROBABILITIES_INVALID|LEAD_THRESHOLDS_NOT_ORDERED/);
  });

  it('shows a VIEWER the settings without a way to change them', async () => {
    gql.mockResolvedValue({ companySettings: SETTINGS } as never);
    renderPage('en', 'VIEWER');
    await screen.findByTestId('company-settings');
    expect(screen.getByText('Only administrators change the company settings; you see them as they are.')).toBeTruthy();
    expect(input('stageProbabilities.INTENT').disabled).toBe(true);
    expect(input('requireDecisionMakerForAti').disabled).toBe(true);
    expect(screen.queryByTestId('settings-save')).toBeNull();
  });
});
