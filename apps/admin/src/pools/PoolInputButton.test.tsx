import { render, screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { saveSession } from '../auth/session';
import { TestAdmin } from '../components/testing';
import type { PoolStatus } from '../providers/types';
import { PoolInputButton } from './PoolInputButton';

function renderButtons(status: PoolStatus, role: 'LEADER' | 'VIEWER', locale: 'en' | 'zh-CN' = 'en') {
  saveSession({ token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: '1', email: 'x@demo.local', role } });
  render(
    <TestAdmin locale={locale}>
      <RecordContextProvider value={{ id: '5', status }}>
        <PoolInputButton input={{ resource: 'IncentivePool', action: 'edit' }} status={status} testId="pool-edit" />
        <PoolInputButton
          input={{ resource: 'PoolMember', action: 'create' }}
          status={status}
          label="pool.add_member"
          testId="pool-add-member"
        />
      </RecordContextProvider>
    </TestAdmin>,
  );
}

describe('PoolInputButton', () => {
  it('offers Edit and Add member on a draft', () => {
    renderButtons('DRAFT', 'LEADER');
    expect(screen.getByTestId('pool-edit').getAttribute('aria-disabled')).not.toBe('true');
    expect(screen.getByTestId('pool-add-member').getAttribute('aria-disabled')).not.toBe('true');
    expect(screen.queryByTestId('pool-edit-reason')).toBeNull();
  });

  it('disables them on a locked pool and says how to correct it', () => {
    renderButtons('LOCKED', 'LEADER');
    expect(screen.getByTestId('pool-edit').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('pool-add-member').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('pool-edit-reason').textContent).toBe('Locked: correct it with an adjustment pool');
  });

  it('names the status of a pool past its draft, in zh-CN too', () => {
    renderButtons('APPROVED', 'LEADER', 'zh-CN');
    expect(screen.getByTestId('pool-add-member').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('pool-add-member-reason').textContent).toMatch(/^仅草稿状态可修改输入，当前为“.+”$/);
    expect(screen.getByTestId('pool-add-member-reason').textContent).not.toContain('APPROVED');
  });

  it('disables them for a role that may not edit pools', () => {
    renderButtons('DRAFT', 'VIEWER');
    expect(screen.getByTestId('pool-edit').getAttribute('aria-disabled')).toBe('true');
  });
});
