import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../api/client';
import type { MessageKey } from '../i18n';
import { resetReveals } from './reveals';
import { resetAccessReason } from './purpose';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'signedOut'; notice: MessageKey | null }
  | { status: 'signedIn'; user: api.User };

interface SessionValue {
  state: SessionState;
  signIn: (input: api.LoginInput) => Promise<void>;
  signOut: () => Promise<void>;
  setUser: (user: api.User) => void;
  reload: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    api.getSession().then(
      (s) => setState(s ? { status: 'signedIn', user: s.user } : { status: 'signedOut', notice: null }),
      (error: unknown) => setState({ status: 'error', error }),
    );
  }, []);

  useEffect(() => {
    reload();
    api.setUnauthenticatedHandler(() => {
      api.setCsrfToken(null);
      resetReveals();
      resetAccessReason();
      setState({ status: 'signedOut', notice: 'signin.sessionExpired' });
    });
    return () => api.setUnauthenticatedHandler(null);
  }, [reload]);

  const signIn = useCallback(async (input: api.LoginInput) => {
    const s = await api.login(input);
    resetReveals();
    resetAccessReason();
    setState({ status: 'signedIn', user: s.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // Even if the server could not be reached, forget the session locally.
    }
    resetReveals();
    resetAccessReason();
    setState({ status: 'signedOut', notice: 'signin.signedOut' });
  }, []);

  const setUser = useCallback((user: api.User) => setState({ status: 'signedIn', user }), []);

  const value = useMemo(() => ({ state, signIn, signOut, setUser, reload }), [state, signIn, signOut, setUser, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): api.User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser called without a signed-in user');
  return state.user;
}
