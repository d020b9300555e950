import { loadSession, Session, sessionReady, signIn } from './session';

const SESSION: Session = {
  token: 't',
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: { id: '1', email: 'hr@demo.local', role: 'HR', personId: null },
};

/** What a promise has settled to after every queued turn, or 'pending'. */
async function state<T>(promise: Promise<T>): Promise<T | 'pending'> {
  const marker = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 20));
  return Promise.race([promise, marker]);
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('a pending sign-in', () => {
  beforeEach(() => localStorage.clear());

  it('is waited for by whatever needs the session, which then has it saved', async () => {
    expect(await sessionReady()).toBeNull();
    const login = deferred<Session>();
    const signedIn = signIn(login.promise);
    const waiting = sessionReady();
    expect(await state(waiting)).toBe('pending');
    login.resolve(SESSION);
    expect(await signedIn).toEqual(SESSION);
    expect(await waiting).toEqual(SESSION);
    expect(loadSession()?.user.role).toBe('HR');
  });

  it('that fails leaves its waiters waiting, saves nothing, and is forgotten', async () => {
    const login = deferred<Session>();
    const signedIn = signIn(login.promise);
    const waiting = sessionReady();
    login.reject(new Error('Wrong email or password'));
    await expect(signedIn).rejects.toThrow('Wrong email or password');
    expect(await state(waiting)).toBe('pending');
    expect(loadSession()).toBeNull();
    // A later question is not held by the failed sign-in.
    expect(await sessionReady()).toBeNull();
  });
});
