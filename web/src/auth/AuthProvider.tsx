import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { graphql } from '../api/client';
import { QueryEpochContext } from '../api/epoch';
import { AuthContext } from './context';
import type { Auth, AuthStatus, SignInResult } from './context';
import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY } from './operations';
import type { User } from './operations';
import { signInFailure } from './signInFailure';

type Session = { status: AuthStatus; user: User | null };

/**
 * The session. The API keeps it in an httpOnly cookie, so the page never holds the token: it asks
 * `me` who is signed in, and after signing in or out bumps the query epoch so that every query on
 * the page runs again as the new viewer.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'checking', user: null });
  const [epoch, setEpoch] = useState(0);

  // Asked again with each epoch, so the header agrees with the cookie the data was fetched with.
  useEffect(() => {
    const controller = new AbortController();
    graphql(ME_QUERY, {}, { signal: controller.signal }).then(
      ({ me }) => setSession(me ? { status: 'signed-in', user: me } : { status: 'anonymous', user: null }),
      () => {
        // Unreachable API: the page shows what anonymous visitors see, and the data panels say why.
        if (!controller.signal.aborted) setSession((s) => (s.status === 'checking' ? { status: 'anonymous', user: null } : s));
      },
    );
    return () => controller.abort();
  }, [epoch]);

  const signIn = useCallback(async (username: string, password: string): Promise<SignInResult> => {
    try {
      const { login } = await graphql(LOGIN_MUTATION, { username, password });
      setSession({ status: 'signed-in', user: login.user });
      setEpoch((e) => e + 1);
      return { ok: true, user: login.user };
    } catch (error) {
      return { ok: false, failure: signInFailure(error) };
    }
  }, []);

  const signOut = useCallback(async (): Promise<void> => {
    await graphql(LOGOUT_MUTATION, {});
    setSession({ status: 'anonymous', user: null });
    setEpoch((e) => e + 1);
  }, []);

  const auth = useMemo<Auth>(() => ({ ...session, signIn, signOut }), [session, signIn, signOut]);

  return (
    <AuthContext value={auth}>
      <QueryEpochContext value={epoch}>{children}</QueryEpochContext>
    </AuthContext>
  );
}
