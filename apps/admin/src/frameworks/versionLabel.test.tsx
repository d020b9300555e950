import { render, screen } from '@testing-library/react';
import { TestAdmin } from '../components/testing';
import { useVersionLabel } from './QualificationFrameworkInputs';

function Label({ v }: { v: Parameters<ReturnType<typeof useVersionLabel>>[0] }) {
  return <span data-testid="label">{useVersionLabel()(v)}</span>;
}

describe('role-model version label', () => {
  it('reads "v2 · Draft" with its notes, and a published version says from when it is valid; never an id', async () => {
    const { rerender } = render(
      <TestAdmin>
        <Label v={{ versionNo: 2, status: 'DRAFT', publishedAt: null, notes: 'adds market planning' }} />
      </TestAdmin>,
    );
    expect((await screen.findByTestId('label')).textContent).toBe('v2 · Draft · adds market planning');
    rerender(
      <TestAdmin>
        <Label v={{ versionNo: 1, status: 'PUBLISHED', publishedAt: '2026-01-05T12:00:00.000Z' }} />
      </TestAdmin>,
    );
    expect((await screen.findByTestId('label')).textContent).toBe('v1 · Published · valid from 01/05/2026');
  });

  it('speaks Chinese', async () => {
    render(
      <TestAdmin locale="zh-CN">
        <Label v={{ versionNo: 1, status: 'PUBLISHED', publishedAt: '2026-01-05T12:00:00.000Z' }} />
      </TestAdmin>,
    );
    expect((await screen.findByTestId('label')).textContent).toBe('v1 · 已发布 · 自 2026/01/05 起生效');
  });
});
