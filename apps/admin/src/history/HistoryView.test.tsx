import { fireEvent, render, screen, within } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { AnswerBasisView } from './AsOf';
import { RULE_HISTORY } from './fixtures';
import { HistoryValue, HistoryView } from './HistoryView';
import { formatDateTime } from '../format';

describe('HistoryView', () => {
  it('lists the versions newest first, each change field by field in the portal’s words', async () => {
    render(
      <TestAdmin>
        <HistoryView entries={RULE_HISTORY} />
      </TestAdmin>,
    );
    const entries = await screen.findAllByTestId('history-entry');
    expect(entries.map((e) => e.getAttribute('data-revision'))).toEqual(['275', '260', '247']);

    // The correction: marked, with its reason, compared with what the log said about its moment before it.
    const correction = entries[0]!;
    expect(within(correction).getByTestId('history-correction').textContent).toBe('Correction of the past');
    expect(within(correction).getByTestId('history-reason').textContent).toContain(
      'The board cut the limit on 11 November',
    );
    expect(within(correction).getByText('Recorded until this correction')).toBeTruthy();
    const limit = within(correction).getByTestId('history-field-limitMinor');
    expect(limit.textContent).toBe('LimitCN¥50,000,000.00CN¥10,000,000.00');

    // The ordinary change: the field that changed, money with its currency, from when it holds.
    const change = entries[1]!;
    expect(within(change).queryByTestId('history-correction')).toBeNull();
    expect(within(change).getByText('Changed')).toBeTruthy();
    expect(within(change).getAllByRole('row')).toHaveLength(2);
    expect(within(change).getByTestId('history-field-limitMinor').textContent).toContain('CN¥10,000,000.00');
    expect(within(change).getByText('admin@demo.local')).toBeTruthy();

    // The first version: every filled field, ids as names, enums in words; since the record began.
    const created = entries[2]!;
    expect(within(created).getByTestId('history-effective').textContent).toBe('since the record began');
    expect((await within(created).findByTestId('history-field-scopeOrgUnitId')).textContent).toContain('East Region');
    expect(within(created).getByTestId('history-field-holderTitle').textContent).toContain(
      'Business-department director',
    );
    expect(within(created).getByTestId('history-field-decisionPoints').textContent).toContain(
      'ATB · approve to bid, ATC · approve to sign',
    );
    expect(within(created).queryByTestId('history-field-version')).toBeNull();
    expect(within(created).queryByTestId('history-field-validTo')).toBeNull();
  });

  it('reads in Chinese, with dates in the reader’s locale', async () => {
    render(
      <TestAdmin locale="zh-CN">
        <HistoryView entries={RULE_HISTORY} />
      </TestAdmin>,
    );
    const [correction, change, created] = await screen.findAllByTestId('history-entry');
    expect(within(correction!).getByTestId('history-correction').textContent).toBe('更正历史');
    expect(within(correction!).getByText('更正为')).toBeTruthy();
    expect(within(correction!).getByTestId('history-field-limitMinor').textContent).toBe(
      '额度¥50,000,000.00¥10,000,000.00',
    );
    expect(within(change!).getByText('修改')).toBeTruthy();
    expect(within(change!).getByTestId('history-effective').textContent).toMatch(/^2026\/12\/01/);
    expect(within(created!).getByTestId('history-effective').textContent).toBe('自记录创建起');
    expect(within(created!).getByText('创建')).toBeTruthy();
  });

  it('names the part of a framework an entry is about, folding what a part was created with', async () => {
    const part = (
      revision: string,
      recordType: string,
      after: Record<string, unknown>,
      level: number,
      dim?: string,
    ) => ({
      ...RULE_HISTORY[0]!,
      revision,
      recordType,
      recordId: revision,
      after,
      part: { level, dimensionCode: dim },
    });
    render(
      <TestAdmin locale="zh-CN">
        <HistoryView
          entries={[
            part('10', 'QualificationLevel', { level: 2, name: 'Experienced', nameZh: '有经验者', minProjects: 2 }, 2),
            part('11', 'LevelRequirement', { levelId: 1, dimensionCode: 'AR', minProficiency: 2 }, 2, 'AR'),
          ]}
        />
      </TestAdmin>,
    );
    const [requirement, level] = await screen.findAllByTestId('history-entry');
    expect(level!.textContent).toContain('2 级 · 有经验者');
    expect(requirement!.textContent).toContain('2 级 · 客户关系平台的建立和维护者的要求');
    const unfold = within(level!).getByRole('button', { name: '查看创建时的值（4 项）' });
    expect(within(level!).queryByTestId('history-field-minProjects')).toBeNull();
    fireEvent.click(unfold);
    expect(within(level!).getByTestId('history-field-minProjects').textContent).toBe('最少项目数2');
  });

  it('says so when there is no version yet', async () => {
    render(
      <TestAdmin>
        <HistoryView entries={[]} />
      </TestAdmin>,
    );
    expect(await screen.findByText('No versions recorded yet.')).toBeTruthy();
  });
});

describe('AnswerBasisView', () => {
  it('tells the revision and moment an answer was read from, and the corrections it rests on', async () => {
    render(
      <TestAdmin>
        <AnswerBasisView
          basis={{ revision: '275', asKnownAt: '2026-12-01T13:00:00.000Z', corrections: [RULE_HISTORY[2]!] }}
        />
      </TestAdmin>,
    );
    const notice = await screen.findByTestId('answer-basis');
    expect(notice.textContent).toContain('Answered from revision 275, as known at 12/01/2026');
    expect(notice.textContent).toContain('This answer rests on a correction of the past:');
    const line = screen.getByTestId('answer-correction');
    expect(line.textContent).toContain('Authority rule');
    expect(line.textContent).toContain('“The board cut the limit on 11 November”');
    expect(line.textContent).toContain('corrected by admin@demo.local on 12/01/2026');
    expect(line.textContent).toContain('in effect from 11/11/2026');
  });

  it('is a plain note when no correction is involved, in Chinese too', async () => {
    render(
      <TestAdmin locale="zh-CN">
        <AnswerBasisView basis={{ revision: '12', asKnownAt: '2026-03-03T12:00:00.000Z', corrections: [] }} />
      </TestAdmin>,
    );
    const notice = await screen.findByTestId('answer-basis');
    expect(notice.textContent).toMatch(/^依据修订号 12 作答，以 2026\/03\/03 \d\d:\d\d 时所知为准。$/);
    expect(screen.queryByTestId('answer-correction')).toBeNull();
  });
});

describe('HistoryValue', () => {
  it('writes an opportunity’s stages and any moment inside a structure in the reader’s words and time', () => {
    const at = '2026-07-05T13:31:00.000Z';
    render(
      <TestAdmin locale="zh-CN">
        <span data-testid="stages">
          <HistoryValue
            recordType="Opportunity"
            field="stageHistory"
            value={[{ stage: 'POTENTIAL', at, by: '3' }]}
            record={null}
          />
        </span>
        <span data-testid="other">
          <HistoryValue recordType="DecisionRequest" field="escalationLog" value={[{ at }]} record={null} />
        </span>
      </TestAdmin>,
    );
    expect(screen.getByTestId('stages').textContent).toBe(`潜在 · ${formatDateTime(at, 'zh-CN')}`);
    expect(screen.getByTestId('other').textContent).toContain(formatDateTime(at, 'zh-CN'));
    expect(document.body.textContent).not.toMatch(/2026-07-05T/);
  });
});
