import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthorized, request } from '../api/client';
import type { CurrentUser } from '../api/types';

export interface Credentials {
  email: string;
  password: string;
}

interface Session {
  user: CurrentUser | null;
  loading: boolean;
  signUp: (c: Credentials) => Promise<void>;
  signIn: (c: Credentials) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let active = true;
    const refresh = () =>
      request<{ currentUser: CurrentUser | null }>('GET', '/api/users/currentuser')
        .then((r) => active && setUser((u) => (u?.id === r.currentUser?.id ? u : r.currentUser)))
        .catch(() => active && setUser(null))
        .finally(() => active && setLoading(false));
    void refresh();
    // A 401 may mean the session ended (expired, or signed out in another tab).
    const stop = onUnauthorized(() => void refresh());
    return () => {
      active = false;
      stop();
    };
  }, []);

  const signUp = useCallback(async (c: Credentials) => {
    setUser(await request<CurrentUser>('POST', '/api/users/signup', c));
  }, []);
  const signIn = useCallback(async (c: Credentials) => {
    setUser(await request<CurrentUser>('POST', '/api/users/signin', c));
  }, []);
  const signOut = useCallback(async () => {
    await request('POST', '/api/users/signout');
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, loading, signUp, signIn, signOut }), [user, loading, signUp, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
