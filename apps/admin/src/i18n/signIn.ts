// The sign-in screen's messages: small, so the entry chunk carries them; en.ts and zh-CN.ts include them too.
import type { Locale } from './locale';

export const signInMessages = {
  en: {
    title: 'Iron Triangle workbench',
    subtitle: 'Qualifications, decision authority and shared bonus pools',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    language: 'Language',
    demo_hint: 'Demo accounts: admin@, hr@, leader@, viewer@demo.local with password "demo"',
    loading_app: 'Loading the workbench…',
    load_failed: 'The workbench could not be loaded. Check the connection and reload the page.',
    errors: {
      required: 'Enter your email and password',
      invalid: 'Wrong email or password',
      network: 'The server cannot be reached. Try again in a moment.',
      other: 'Sign-in failed: %{message}',
    },
  },
  'zh-CN': {
    title: '铁三角工作台',
    subtitle: '任职资格、决策授权与团队奖金包',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    language: '语言',
    demo_hint: '演示账号：admin@、hr@、leader@、viewer@demo.local，密码 "demo"',
    loading_app: '正在加载工作台…',
    load_failed: '工作台加载失败。请检查网络后刷新页面。',
    errors: {
      required: '请输入邮箱和密码',
      invalid: '邮箱或密码错误',
      network: '无法连接服务器，请稍后重试。',
      other: '登录失败：%{message}',
    },
  },
} satisfies Record<Locale, unknown>;

export type SignInMessages = (typeof signInMessages)['en'];

export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };
