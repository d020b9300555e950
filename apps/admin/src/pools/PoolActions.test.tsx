import { render, screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { saveSession } from '../auth/session';
import { TestAdmin } from '../components/testing';
import type { PoolStatus } from '../providers/types';
import { PoolActions } from './PoolActions';

function renderActions(status: PoolStatus, role: 'LEADER' | 'HR' | 'VIEWER') {
  saveSession({ token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: '1', email: 'x@demo.local', role } });
  const { container } = render(
    <TestAdmin locale="zh-CN">
      <RecordContextProvider value={{ id: '5', name: 'Pool', status }}>
        <PoolActions />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return container;
}

describe('PoolActions', () => {
  it.each(['HR', 'VIEWER'] as const)('offers a %s, who may take no step, no buttons and no refusal', (role) => {
    const container = renderActions('DRAFT', role);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(container.textContent).not.toContain('无权');
  });

  it('offers a leader each step, enabled in the status it needs and otherwise saying which status that is', () => {
    renderActions('DRAFT', 'LEADER');
    expect(screen.getByTestId('pool-fund').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('pool-approve').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('pool-approve-reason').textContent).toMatch(/^仅当奖金包为“.+”时可执行$/);
    expect(document.body.textContent).not.toContain('无权');
  });
});
