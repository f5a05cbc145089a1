import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages';
import type { MessageKey, MessageParams } from '../../i18n/messages';
import { roleText, signInFailureText } from './accountText';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('roleText', () => {
  it('names each role in both languages', () => {
    expect(['ADMIN', 'BUREAU', 'INVESTMENT', 'FIRM'].map((r) => roleText(r, zh))).toEqual(['管理员', '区经信委', '招商部门', '企业']);
    expect(['ADMIN', 'BUREAU', 'INVESTMENT', 'FIRM'].map((r) => roleText(r, en))).toEqual([
      'Admin',
      'District bureau',
      'Investment team',
      'Firm',
    ]);
  });

  it('shows a role it does not know as the API spells it', () => {
    expect(roleText('AUDITOR', zh)).toBe('AUDITOR');
    expect(roleText('toString', en)).toBe('toString');
  });
});

describe('signInFailureText', () => {
  it('puts each failure in words', () => {
    expect(signInFailureText({ kind: 'wrong-credentials' }, zh)).toBe('用户名或密码错误。');
    expect(signInFailureText({ kind: 'wrong-credentials' }, en)).toBe('Wrong username or password.');
    expect(signInFailureText({ kind: 'locked' }, en)).toContain('locked');
    expect(signInFailureText({ kind: 'other' }, zh)).toBe('登录失败，请检查网络后再试。');
  });

  it('gives the wait in whole minutes, rounded up', () => {
    expect(signInFailureText({ kind: 'rate-limited', retryAfterSeconds: 61 }, zh)).toBe('登录尝试过于频繁，请 2 分钟后再试。');
    expect(signInFailureText({ kind: 'rate-limited', retryAfterSeconds: 30 }, en)).toBe('Too many sign-in attempts. Try again in 1 min.');
    expect(signInFailureText({ kind: 'rate-limited', retryAfterSeconds: null }, en)).toBe('Too many sign-in attempts. Try again later.');
  });
});
