import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadSession } from './auth/session';
import { SignIn } from './SignIn';

function respond(body: unknown) {
  global.fetch = jest.fn().mockResolvedValue({ status: 200, json: async () => body }) as never;
}

describe('SignIn', () => {
  beforeEach(() => localStorage.clear());

  it('signs in with the API and keeps the session', async () => {
    respond({
      data: {
        login: {
          token: 't',
          expiresAt: '2999-01-01T00:00:00.000Z',
          user: { id: '1', email: 'hr@demo.local', role: 'HR', personId: null },
        },
      },
    });
    const onSignedIn = jest.fn();
    render(<SignIn locale="en" onLocaleChange={jest.fn()} onSignedIn={onSignedIn} />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'hr@demo.local' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(loadSession()?.user.role).toBe('HR');
    const [, init] = (global.fetch as jest.Mock).mock.calls[0];
    expect(JSON.parse(init.body).variables).toEqual({ email: 'hr@demo.local', password: 'demo' });
  });

  it('says when the email or password is wrong, in Chinese too', async () => {
    respond({
      errors: [{ message: 'E-mail or password is wrong', extensions: { code: 'UNAUTHENTICATED' } }],
      data: null,
    });
    render(<SignIn locale="zh-CN" onLocaleChange={jest.fn()} onSignedIn={jest.fn()} />);
    fireEvent.change(screen.getByLabelText('邮箱'), { target: { value: 'x@demo.local' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('邮箱或密码错误');
    expect(loadSession()).toBeNull();
  });

  it('asks for both fields before calling the API', () => {
    global.fetch = jest.fn() as never;
    render(<SignIn locale="en" onLocaleChange={jest.fn()} onSignedIn={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your email and password');
    expect(global.fetch).not.toHaveBeenCalled();
  });

  it('offers the language switch', () => {
    const onLocaleChange = jest.fn();
    render(<SignIn locale="en" onLocaleChange={onLocaleChange} onSignedIn={jest.fn()} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh-CN' } });
    expect(onLocaleChange).toHaveBeenCalledWith('zh-CN');
  });
});
