import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { TestAdmin } from './testing';

function Harness({ run, ready = true }: { run: () => Promise<unknown>; ready?: boolean }) {
  const [open, setOpen] = useState(true);
  return (
    <TestAdmin locale="zh-CN">
      <button onClick={() => setOpen(true)}>reopen</button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Drop the lead"
        confirmLabel="Drop"
        run={run}
        ready={ready}
        confirmTestId="confirm"
        errorTestId="error"
      >
        <p>body</p>
      </ConfirmRunDialog>
    </TestAdmin>
  );
}

describe('ConfirmRunDialog', () => {
  it('runs the step once, then closes', async () => {
    let finish: () => void = () => undefined;
    const run = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Harness run={run} />);
    const confirm = screen.getByTestId('confirm') as HTMLButtonElement;
    fireEvent.click(confirm);
    // Waiting for the answer, the button cannot run the step a second time.
    await waitFor(() => expect(confirm.disabled).toBe(true));
    fireEvent.click(confirm);
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('stays open with the refusal in the reader’s language, and forgets it when opened again', async () => {
    const refusal = Object.assign(new Error('x'), { body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    render(<Harness run={() => Promise.reject(refusal)} />);
    fireEvent.click(screen.getByTestId('confirm'));
    const error = await screen.findByTestId('error');
    expect(error.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByText('reopen'));
    await screen.findByRole('dialog');
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('offers the step only when its input is complete', () => {
    render(<Harness run={jest.fn()} ready={false} />);
    expect((screen.getByTestId('confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});
