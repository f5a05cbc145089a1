import { useState } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/I18nProvider';
import { roleText } from './accountText';
import { SignInForm } from './SignInForm';

/** The header's account corner: a sign-in button and form, or who is signed in and a sign-out button. */
export function AccountControls() {
  const { status, user, signOut } = useAuth();
  const { t } = useI18n();
  const [formOpen, setFormOpen] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // Nothing until `me` answers, so that a signed-in visitor does not see a sign-in button flash.
  if (status === 'checking') return <div className="account" aria-hidden="true" />;

  if (user) {
    const name = user.displayName?.trim() || user.username;
    const role = roleText(user.role, t);
    const leave = async () => {
      setSigningOut(true);
      setSignOutFailed(false);
      try {
        await signOut();
      } catch {
        setSignOutFailed(true);
      } finally {
        setSigningOut(false);
      }
    };
    return (
      <div className="account">
        <span className="account__user" data-testid="current-user" title={t('account.current', { name, role })}>
          <span className="account__name">{name}</span>
          <span className="account__role">{role}</span>
        </span>
        <button type="button" className="header-button" data-testid="sign-out" disabled={signingOut} onClick={() => void leave()}>
          {t('account.signOut')}
        </button>
        {signOutFailed ? (
          <p className="account__popover account__popover--error" role="alert">
            {t('account.error.signOut')}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="account">
      <button
        type="button"
        className="header-button"
        data-testid="sign-in"
        aria-expanded={formOpen}
        onClick={() => setFormOpen((open) => !open)}
      >
        {t('account.signIn')}
      </button>
      {formOpen ? (
        <div className="account__popover">
          <SignInForm onClose={() => setFormOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
