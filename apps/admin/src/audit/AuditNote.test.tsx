import { render, screen, waitFor } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { formatDateTime } from '../format';
import { AuditNote, readNote, RequestIdField } from './AuditNote';

const NAMES: Record<string, Record<string, string>> = {
  Person: { '12': '王伟', '14': '李娜', '7': '张宇' },
  OrgUnit: { '1': '总部', '3': '华东区域' },
  Project: { '4': '上海地铁 14 号线' },
};

const dataProvider = fakeDataProvider({
  getMany: async (resource, { ids }) => ({
    data: ids.map((id) => ({ id, name: NAMES[resource]?.[String(id)] ?? `? ${resource}` })) as never,
  }),
});

function renderNote(locale: 'en' | 'zh-CN', note: string, after: Record<string, unknown> = {}) {
  return render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <RecordContextProvider value={{ id: 'a1', note, after }}>
        <span data-testid="note">
          <AuditNote />
        </span>
      </RecordContextProvider>
    </TestAdmin>,
  );
}

const ESCALATED =
  'overdue since 2026-11-30T21:07:27.241Z: escalated from level 0 (scope 3) to level 1 (scope 1), routed to 12, 14';

describe('an audit note in the reader’s language', () => {
  it('says an escalation in Chinese, with names and a local time, and no id or English word', async () => {
    renderNote('zh-CN', ESCALATED);
    const note = screen.getByTestId('note');
    await waitFor(() => expect(note.textContent).toContain('王伟、李娜'));
    expect(note.textContent).toBe(
      `自 ${formatDateTime('2026-11-30T21:07:27.241Z', 'zh-CN')} 起逾期：由第 1 级（华东区域）升级至第 2 级（总部），` +
        '已发送给 王伟、李娜',
    );
    expect(note.textContent).not.toMatch(/scope|overdue|2026-11-30T|\b12\b/);
  });

  it('says a routed request and a refusal in English with names', async () => {
    renderNote('en', 'ATB on project 4 routed to 7 (scope 3)');
    await waitFor(() => expect(screen.getByTestId('note').textContent).toContain('张宇'));
    expect(screen.getByTestId('note').textContent).toBe(
      'ATB · approve to bid on 上海地铁 14 号线 sent to 张宇 (scope: 华东区域)',
    );
  });

  it('reads back every note the API writes, and leaves a person’s own words as written', () => {
    const written = [
      'refused APPROVE of ATC on project 4: OUT_OF_SCOPE, AMOUNT_OVER_LIMIT',
      "person 7 voted APPROVED (decision 3); the body's decision is not complete",
      "person 7 voted APPROVED directly (decision 3); the body's decision is not complete",
      'person 7 decided REJECTED directly (decision 3), outside the inbox: the request is settled by it',
      'withdrawn by its requester',
      'overdue since 2026-11-30T21:07:27.241Z: no level of authority above scope 1',
      'copied from dimension 4 of role model version 2 (new version 3)',
      'version 3 of role model 1, a draft copied from version 2 with 5 dimensions',
      'replaced by version 3 (role model version 9)',
      'version 2 of lineage 1 published',
      'version 2 of lineage 1, a draft copied from framework 1 (version 1) with 3 levels and 9 requirements',
      'attitude -2 at 2026-11-30T21:07:27.241Z: met at the fair',
      'reopened by a change to project 4: amount up 25 % from ¥1.00 to ¥1.25',
      'stage LEAD → OPPORTUNITY: ATI approved (decision 5)',
      'vote in seats IRON_TRIANGLE_AR, INDUSTRY_HEAD (2 approved, 0 against); quorum met',
      'cascade from delegation 3',
      're-assessment of person 7 as Account Responsible due 2026-12-30T00:00:00.000Z',
      'correction: typo in the amount',
      'import of 5 rows: 2 created, 1 updated, 2 unchanged',
      'from lead 3',
      'project 8',
    ];
    for (const note of written) expect([note, readNote(note)?.key]).toEqual([note, expect.any(String)]);
    expect(readNote('Bid due to the customer this week.')).toBeNull();
  });

  it('shows a note of a person’s own as written', () => {
    renderNote('zh-CN', '客户要求延期');
    expect(screen.getByTestId('note').textContent).toBe('客户要求延期');
  });

  it('writes a moment in a note no rule reads back in the reader’s time zone, not as the API sent it', () => {
    renderNote('zh-CN', '客户要求延期到 2026-12-02T17:02:11.500Z 之后，再议 2026-12-03T08:00');
    expect(screen.getByTestId('note').textContent).toBe(
      `客户要求延期到 ${formatDateTime('2026-12-02T17:02:11.500Z', 'zh-CN')} 之后，再议 ` +
        formatDateTime('2026-12-03T08:00Z', 'zh-CN'),
    );
    expect(screen.getByTestId('note').textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('shows a job’s request id with its moment in the reader’s time zone, the id as sent in the tooltip', () => {
    const id = 'escalation-2026-12-02T17:02:11.500Z';
    render(
      <TestAdmin locale="zh-CN" dataProvider={dataProvider}>
        <RecordContextProvider value={{ id: 'a2', requestId: id }}>
          <span data-testid="request">
            <RequestIdField />
          </span>
        </RecordContextProvider>
      </TestAdmin>,
    );
    const cell = screen.getByTestId('request');
    expect(cell.textContent).toBe(`escalation-${formatDateTime('2026-12-02T17:02:11.500Z', 'zh-CN')}`);
    expect(cell.querySelector('[title]')?.getAttribute('title')).toBe(id);
  });
});
