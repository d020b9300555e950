import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Edit, TextInput, UpdateParams } from 'react-admin';
import { authAs, fakeDataProvider, TestAdmin } from '../components/testing';
import { withChange } from './change';
import { VersionedForm } from './EffectiveChange';

const RULE = { id: '4', version: 2, name: 'East director', limit: '50000000.00', currency: 'CNY' };

function renderEdit(role: string, locale: 'en' | 'zh-CN' = 'en') {
  const updates: UpdateParams[] = [];
  const dataProvider = withChange(
    fakeDataProvider({
      getOne: async () => ({ data: RULE as never }),
      update: async (_resource, params) => {
        updates.push(params);
        return { data: { ...RULE, ...params.data, version: 3 } as never };
      },
    }),
  );
  render(
    <TestAdmin dataProvider={dataProvider} authProvider={authAs(role)} locale={locale}>
      <Edit resource="AuthorityRule" id="4" mutationMode="pessimistic" redirect={false}>
        <VersionedForm>
          <TextInput source="limit" />
        </VersionedForm>
      </Edit>
    </TestAdmin>,
  );
  return updates;
}

/** Submits the form (as its Save button does; jsdom does not submit again on a second click after a refusal). */
const save = () => fireEvent.submit(document.querySelector('form')!);

describe('the edit form of a versioned record', () => {
  it('says that a change takes effect when saved, and sends no `change` for it', async () => {
    const updates = renderEdit('LEADER');
    const notice = await screen.findByTestId('effective-now');
    expect(notice.textContent).toBe(
      'Effective from: now. This change takes effect when you save it; earlier versions stay and keep answering ' +
        'for earlier moments.',
    );
    // Only administrators may correct the past: nobody else sees the action.
    expect(screen.queryByLabelText('Correct the past')).toBeNull();
    fireEvent.change(screen.getByLabelText('Limit'), { target: { value: '10000000.00' } });
    save();
    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]!.data).toMatchObject({ limit: '10000000.00' });
    expect(updates[0]!.data).not.toHaveProperty('change');
  });

  it('lets an administrator correct the past from a moment, with a reason (required)', async () => {
    const updates = renderEdit('ADMIN');
    fireEvent.click(await screen.findByLabelText('Correct the past'));
    expect(screen.queryByTestId('effective-now')).toBeNull();
    expect(screen.getByTestId('correction').textContent).toContain('A correction changes what the system says');
    fireEvent.change(screen.getByLabelText('Limit'), { target: { value: '10000000.00' } });
    const moment = new Date(Date.now() - 20 * 86_400_000);
    const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    fireEvent.change(screen.getByLabelText(/^Effective from/), { target: { value: local } });

    save();
    // No reason yet: refused beside the field, nothing sent.
    await screen.findByText('Required');
    expect(updates).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Reason for the correction/), {
      target: { value: 'The board cut the limit' },
    });
    save();
    await waitFor(() => expect(updates).toHaveLength(1));
    const sent = updates[0]!.data as Record<string, unknown>;
    expect(sent.limit).toBe('10000000.00');
    expect(sent.change).toEqual({
      correction: true,
      effectiveFrom: new Date(local).toISOString(),
      reason: 'The board cut the limit',
    });
  });

  it('corrects the whole life of the record without a moment (in Chinese)', async () => {
    const updates = renderEdit('ADMIN', 'zh-CN');
    expect((await screen.findByTestId('effective-now')).textContent).toContain('此修改在保存时生效');
    fireEvent.click(await screen.findByLabelText('更正历史'));
    fireEvent.click(screen.getByLabelText('记录的整个存续期'));
    expect(screen.queryByLabelText(/^生效时间/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/更正原因/), { target: { value: '录入错误' } });
    save();
    await waitFor(() => expect(updates).toHaveLength(1));
    expect((updates[0]!.data as Record<string, unknown>).change).toEqual({
      correction: true,
      effectiveFrom: null,
      reason: '录入错误',
    });
  });

  it('refuses a correction in the future before sending it', async () => {
    const updates = renderEdit('ADMIN');
    fireEvent.click(await screen.findByLabelText('Correct the past'));
    const later = new Date(Date.now() + 2 * 86_400_000);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    fireEvent.change(screen.getByLabelText(/^Effective from/), { target: { value: local } });
    fireEvent.change(screen.getByLabelText(/Reason for the correction/), { target: { value: 'x' } });
    save();
    await screen.findByText('Must not be in the future');
    expect(updates).toHaveLength(0);
  });
});
