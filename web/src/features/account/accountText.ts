import type { Role } from '../../auth/operations';
import type { SignInFailure } from '../../auth/signInFailure';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

const ROLE_TEXT: Record<Role, MessageKey> = {
  ADMIN: 'account.role.ADMIN',
  BUREAU: 'account.role.BUREAU',
  INVESTMENT: 'account.role.INVESTMENT',
  FIRM: 'account.role.FIRM',
};

/** The role in words; a role this build does not know yet shows as the API spells it. */
export function roleText(role: string, t: I18n['t']): string {
  return Object.hasOwn(ROLE_TEXT, role) ? t(ROLE_TEXT[role as Role]) : role;
}

export function signInFailureText(failure: SignInFailure, t: I18n['t']): string {
  switch (failure.kind) {
    case 'wrong-credentials':
      return t('account.error.wrongCredentials');
    case 'locked':
      return t('account.error.locked');
    case 'rate-limited':
      return failure.retryAfterSeconds === null
        ? t('account.error.rateLimitedSoon')
        : t('account.error.rateLimited', { minutes: Math.ceil(failure.retryAfterSeconds / 60) });
    case 'other':
      return t('account.error.other');
  }
}
