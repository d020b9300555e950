import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { USER_ROLES } from '@iron-triangle/domain';
import type { UserRole } from '../auth/session';
import { TestAdmin } from '../components/testing';
import { FirstRunTour, TOUR_STEPS, tourKey } from './FirstRunTour';

function show(userId: string, role: UserRole, locale: 'en' | 'zh-CN' = 'en') {
  return render(
    <MemoryRouter>
      <TestAdmin locale={locale}>
        <FirstRunTour userId={userId} role={role} />
      </TestAdmin>
    </MemoryRouter>,
  );
}

describe('FirstRunTour', () => {
  beforeEach(() => localStorage.clear());

  it('shows a leader the steps to the inbox, projects and delegations, and the glossary', async () => {
    show('5', 'LEADER');
    const tour = await screen.findByTestId('first-run-tour');
    expect(within(tour).getByText('Getting started')).toBeTruthy();
    expect(
      within(tour)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Decide the requests waiting for you in your inbox.', '/inbox'],
      ['Follow your projects and request their decisions.', '/Project'],
      ['Delegate your authority while you are away.', '/Delegation'],
      ['Look up a word you do not know in the glossary.', '/glossary'],
    ]);
  });

  it('has 3 steps and the glossary for every role, in Chinese too', async () => {
    for (const role of USER_ROLES) {
      expect(TOUR_STEPS[role]).toHaveLength(3);
      const { unmount } = show('1', role, 'zh-CN');
      const tour = await screen.findByTestId('first-run-tour');
      expect(within(tour).getByText('入门')).toBeTruthy();
      expect(within(tour).getAllByRole('link')).toHaveLength(4);
      expect(tour.textContent).not.toMatch(/tour\./);
      unmount();
    }
  });

  it('stays dismissed for that user and role once dismissed', async () => {
    const first = show('5', 'HR');
    fireEvent.click(await screen.findByRole('button', { name: 'Got it, hide this' }));
    expect(screen.queryByTestId('first-run-tour')).toBeNull();
    expect(localStorage.getItem(tourKey('5', 'HR'))).toBe('1');
    first.unmount();

    const again = show('5', 'HR');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('first-run-tour')).toBeNull();
    again.unmount();

    show('6', 'HR');
    expect(await screen.findByTestId('first-run-tour')).toBeTruthy();
  });
});
