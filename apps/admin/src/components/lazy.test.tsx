import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { eagerLazy } from './lazy';

function Hello({ name }: { name: string }) {
  return <p data-testid="hello">hello {name}</p>;
}

describe('eagerLazy', () => {
  it('renders a preloaded module at once: the fallback never shows', async () => {
    let loads = 0;
    const Lazy = eagerLazy(async () => {
      loads++;
      return { default: Hello };
    });
    await Lazy.preload();
    // The same load for every caller.
    await Lazy.preload();
    expect(loads).toBe(1);
    render(
      <Suspense fallback={<p data-testid="fallback">…</p>}>
        <Lazy name="Gao" />
      </Suspense>,
    );
    expect(screen.getByTestId('hello').textContent).toBe('hello Gao');
    expect(screen.queryByTestId('fallback')).toBeNull();
  });

  it('suspends like React.lazy while the module is not in, then renders it', async () => {
    let resolve: (m: { default: typeof Hello }) => void = () => undefined;
    const Lazy = eagerLazy(() => new Promise<{ default: typeof Hello }>((r) => (resolve = r)));
    render(
      <Suspense fallback={<p data-testid="fallback">…</p>}>
        <Lazy name="Zhang" />
      </Suspense>,
    );
    expect(screen.getByTestId('fallback')).toBeTruthy();
    await act(async () => resolve({ default: Hello }));
    expect((await screen.findByTestId('hello')).textContent).toBe('hello Zhang');
  });

  it('loads again after a failed load', async () => {
    let attempts = 0;
    const Lazy = eagerLazy(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk failed');
      return { default: Hello };
    });
    await expect(Lazy.preload()).rejects.toThrow('chunk failed');
    await expect(Lazy.preload()).resolves.toEqual({ default: Hello });
    expect(attempts).toBe(2);
  });
});
