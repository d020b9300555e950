import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DataProvider, RecordContextProvider } from 'react-admin';
import { clearSession, saveSession } from '../auth/session';
import type { UserRole } from '../auth/session';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { FrameworkVersionActions, type FrameworkVersionRecord } from './FrameworkVersionActions';

const FROZEN: FrameworkVersionRecord = {
  id: '7',
  version: 3,
  versionNo: 1,
  status: 'ACTIVE',
  frozen: true,
  assessmentCount: 3,
};
const DRAFT: FrameworkVersionRecord = { id: '9', version: 2, versionNo: 2, status: 'DRAFT', frozen: false };

function signInAs(role: UserRole) {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: '1', email: 'x@test.local', role },
  });
}

function renderWith(record: FrameworkVersionRecord, locale: 'en' | 'zh-CN' = 'en', dataProvider?: DataProvider) {
  return render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <RecordContextProvider value={record}>
        <FrameworkVersionActions />
      </RecordContextProvider>
    </TestAdmin>,
  );
}

describe('FrameworkVersionActions', () => {
  afterEach(() => clearSession());

  it('says a version in use is frozen and offers a new version instead of publishing', async () => {
    signInAs('HR');
    renderWith(FROZEN);
    expect((await screen.findByTestId('framework-frozen')).textContent).toBe(
      'Used by 3 assessments — create a new version to change it.',
    );
    expect(screen.getByTestId('framework-new-version')).toBeTruthy();
    expect(screen.queryByTestId('framework-publish')).toBeNull();
  });

  it('says it in Chinese', async () => {
    signInAs('ADMIN');
    renderWith(FROZEN, 'zh-CN');
    expect((await screen.findByTestId('framework-frozen')).textContent).toBe(
      '已被 3 个评估使用——如需修改，请创建新版本。',
    );
    expect(screen.getByTestId('framework-new-version').textContent).toBe('新版本');
  });

  it('publishes a draft at the version it shows', async () => {
    signInAs('HR');
    const publishFramework = jest.fn(async (id: string, version: number) => ({
      id,
      version: version + 1,
      versionNo: 2,
      lineageId: '7',
      previousVersionId: '7',
      status: 'ACTIVE',
    }));
    renderWith(DRAFT, 'en', { ...fakeDataProvider(), publishFramework } as unknown as DataProvider);
    expect(screen.getByTestId('framework-draft')).toBeTruthy();
    expect(screen.queryByTestId('framework-new-version')).toBeNull();
    fireEvent.click(screen.getByTestId('framework-publish'));
    await waitFor(() => expect(publishFramework).toHaveBeenCalledWith('9', 2));
  });

  it('offers no steps to a role that may not change frameworks', async () => {
    signInAs('VIEWER');
    renderWith(FROZEN);
    expect(await screen.findByTestId('framework-frozen')).toBeTruthy();
    expect(screen.queryByTestId('framework-new-version')).toBeNull();
    expect(screen.queryByTestId('framework-publish')).toBeNull();
  });
});
