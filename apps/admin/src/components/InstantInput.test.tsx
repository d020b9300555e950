import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'react-admin';
import { TestAdmin } from './testing';
import { InstantInput, toInstant } from './InstantInput';

function setup(locale: 'en' | 'zh-CN', onSubmit = jest.fn()) {
  render(
    <TestAdmin locale={locale}>
      <Form record={{ validFrom: '2026-03-01T08:00:00.000Z' }} onSubmit={onSubmit}>
        <InstantInput source="validFrom" />
        <button type="submit">go</button>
      </Form>
    </TestAdmin>,
  );
  return onSubmit;
}

const local = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));

describe('InstantInput', () => {
  it(
    'writes the chosen moment beside the native picker ' + 'in Chinese (the picker itself follows the browser)',
    async () => {
      setup('zh-CN');
      const text = await screen.findByTestId('instant-text');
      const utcToo = new Date('2026-03-01T08:00:00.000Z').getTimezoneOffset() === 0 ? '' : '（UTC 2026-03-01 08:00）';
      expect(text.textContent).toBe(`${local('zh-CN', '2026-03-01T08:00:00.000Z')}${utcToo}`);
      expect(text.textContent).toMatch(/2026年3月1日/);
    },
  );

  it('writes it in English for an English reader, follows a change, and sends UTC', async () => {
    const onSubmit = setup('en');
    expect((await screen.findByTestId('instant-text')).textContent).toMatch(/March 1, 2026/);
    const input = document.querySelector('input[type="datetime-local"]') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2026-04-02T09:30' } });
    const expected = new Date('2026-04-02T09:30').toISOString();
    await waitFor(() => expect(screen.getByTestId('instant-text').textContent).toContain(local('en', expected)));
    fireEvent.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({ validFrom: expected });
    expect(toInstant('2026-04-02T09:30')).toBe(expected);
  });
});
