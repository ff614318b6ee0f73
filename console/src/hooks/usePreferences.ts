// The agent's notification preferences: loaded from GET /api/auth/me, changed optimistically
// with PATCH /api/auth/me/preferences (rolled back if the server refuses).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../../protocol';
import type { ApiError } from '../api';
import { preferencesApi } from '../api-tools';

/** Everything on until the server says otherwise, as the server's own defaults. */
export const defaultPreferences: Preferences = { desktop: true, sound: true, title: true };

/** Preferences, whether they came from the server yet, the last save error, and a setter. */
export function usePreferences() {
  const [preferences, setPreferences] = useState<Preferences>(defaultPreferences);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef(preferences);
  current.current = preferences;

  useEffect(() => {
    let cancelled = false;
    preferencesApi
      .get()
      .then((result) => {
        if (cancelled) return;
        setPreferences({ ...defaultPreferences, ...result.preferences });
        setLoaded(true);
      })
      .catch(() => !cancelled && setLoaded(true));
    return () => void (cancelled = true);
  }, []);

  // Quick clicks overlap: each PATCH carries all three switches (the server merges read-then-write,
  // so partial bodies could undo each other) and only the latest answer is applied.
  const latest = useRef(0);
  const update = useCallback(async (changes: Partial<Preferences>) => {
    const before = current.current;
    const next = { ...before, ...changes };
    current.current = next;
    setPreferences(next);
    setError(null);
    const request = ++latest.current;
    try {
      const saved = (await preferencesApi.update(next)).preferences;
      if (request === latest.current) setPreferences(saved);
    } catch (e) {
      if (request !== latest.current) return;
      setPreferences(before);
      setError((e as ApiError).message);
    }
  }, []);

  return { preferences, loaded, error, update };
}
