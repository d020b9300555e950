import { render, screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { TestAdmin } from '../components/testing';
import { EnumField, RecordTypeField } from '../components/fields';
import { formatDateTime } from '../format';
import { AuditDiff } from './AuditEntryList';

const entry = {
  id: 'a1',
  action: 'update',
  entityType: 'PositionAssignment',
  before: JSON.stringify({ title: 'BUSINESS_DEPT_CHIEF_ENGINEER', validFrom: '2026-11-30T21:07:27.241Z' }),
  after: { title: 'INDUSTRY_HEAD', validFrom: '2026-11-30T21:07:27.241Z' },
};

function renderEntry(locale: 'en' | 'zh-CN', record: Record<string, unknown> = entry) {
  return render(
    <TestAdmin locale={locale}>
      <RecordContextProvider value={record}>
        <span data-testid="action">
          <EnumField source="action" enumName="AuditAction" />
        </span>
        <span data-testid="type">
          <RecordTypeField source="entityType" />
        </span>
        <AuditDiff />
      </RecordContextProvider>
    </TestAdmin>,
  );
}

describe('the audit log in the reader’s language', () => {
  it('names the action, the record type, the fields and the values in Chinese', async () => {
    renderEntry('zh-CN');
    expect(screen.getByTestId('action').textContent).toBe('修改');
    expect(screen.getByTestId('type').textContent).toBe('职位任命');
    expect(await screen.findByText('业务部总工')).toBeTruthy();
    expect(screen.getByText('行业部长')).toBeTruthy();
    expect(screen.getByText('职位')).toBeTruthy();
    expect(screen.getAllByText(formatDateTime('2026-11-30T21:07:27.241Z', 'zh-CN'))).toHaveLength(2);
    const table = screen.getByRole('table');
    expect(table.textContent).not.toMatch(/BUSINESS_DEPT_CHIEF_ENGINEER|INDUSTRY_HEAD|2026-11-30T21/);
  });

  it('names sign-ins and record types without a resource of their own, in English', () => {
    renderEntry('en', { id: 'a2', action: 'login', entityType: 'PoolMember', before: null, after: null });
    expect(screen.getByTestId('action').textContent).toBe('Signed in');
    expect(screen.getByTestId('type').textContent).toMatch(/member/i);
    expect(screen.getByTestId('type').textContent).not.toBe('PoolMember');
  });

  it('keeps an action it has no words for as it came', () => {
    renderEntry('zh-CN', { id: 'a3', action: 'something-new', entityType: 'CompanySettings' });
    expect(screen.getByTestId('action').textContent).toBe('something-new');
    expect(screen.getByTestId('type').textContent).toBe('公司设置');
  });
});
