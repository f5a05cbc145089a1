import { createContext, useContext } from 'react';
import type { User } from './operations';
import type { SignInFailure } from './signInFailure';

export type AuthStatus = 'checking' | 'anonymous' | 'signed-in';

export type SignInResult = { ok: true; user: User } | { ok: false; failure: SignInFailure };

export interface Auth {
  /** `checking` until the first `me` answer (or its failure, taken as anonymous). */
  status: AuthStatus;
  user: User | null;
  /** Never rejects: a failure comes back as a reason the form can put in words. */
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Rejects if the server could not be told, and the session stays as it was. */
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
