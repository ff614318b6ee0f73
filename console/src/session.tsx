// Who is signed in, shared with every screen; the token itself lives in api.ts's tokenStore.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Agent } from '../../protocol';
import { api, onUnauthorized, tokenStore, type Session } from './api';

/** What screens need about the session. */
export type SessionValue = {
  /** undefined while a stored token is being checked, null when signed out. */
  agent: Agent | null | undefined;
  signIn: (session: Session) => void;
  signOut: () => void;
};

const SessionContext = createContext<SessionValue>({ agent: null, signIn: () => {}, signOut: () => {} });

/** Checks a stored token once on load and signs out whenever the server answers 401. */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [agent, setAgent] = useState<Agent | null | undefined>(() => (tokenStore.get() ? undefined : null));

  const signOut = useCallback(() => {
    tokenStore.clear();
    setAgent(null);
  }, []);

  const signIn = useCallback((session: Session) => {
    tokenStore.set(session.token);
    setAgent(session.agent);
  }, []);

  useEffect(() => onUnauthorized(signOut), [signOut]);

  const [checkAttempt, setCheckAttempt] = useState(0);
  useEffect(() => {
    if (agent !== undefined) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    api
      .me()
      .then((result) => !cancelled && setAgent(result.agent))
      .catch((error) => {
        if (cancelled) return;
        // An unreachable or restarting server says nothing about the token: keep it and ask again.
        if (error.status === 0 || error.status >= 500) retry = setTimeout(() => setCheckAttempt((n) => n + 1), 2000);
        else signOut();
      });
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [agent, checkAttempt, signOut]);

  const value = useMemo(() => ({ agent, signIn, signOut }), [agent, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session. */
export function useSession(): SessionValue {
  return useContext(SessionContext);
}
