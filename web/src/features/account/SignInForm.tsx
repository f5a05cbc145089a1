import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/I18nProvider';
import { signInFailureText } from './accountText';
import type { SignInFailure } from '../../auth/signInFailure';

/** The small sign-in form under the header's button. Closes itself once signed in. */
export function SignInForm({ onClose }: { onClose: () => void }) {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    const result = await signIn(username.trim(), password);
    setPending(false);
    if (result.ok) {
      onClose();
    } else {
      setFailure(result.failure);
      // The password was wrong or the attempt refused: either way it is typed again.
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form
      className="sign-in-form"
      aria-label={t('account.form.label')}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={`${id}-username`}>{t('account.username')}</label>
      <input
        id={`${id}-username`}
        data-testid="login-username"
        autoComplete="username"
        autoFocus
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>{t('account.password')}</label>
      <input
        id={`${id}-password`}
        ref={passwordRef}
        data-testid="login-password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {failure ? (
        <p className="sign-in-form__error" role="alert" data-testid="login-error">
          {signInFailureText(failure, t)}
        </p>
      ) : null}
      <div className="sign-in-form__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('account.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="login-submit" disabled={pending}>
          {pending ? t('account.submitting') : t('account.submit')}
        </button>
      </div>
    </form>
  );
}
