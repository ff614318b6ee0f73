// A page's data loaded on mount and reloaded after each change it makes: the loading, error and reload plumbing
// the list pages (blocks, webhooks) share.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api';

/**
 * `data` is null until the first answer; `error` is the last failure (a 403 sets `forbidden`); `run(action)` clears
 * the error, runs the action, reloads, and resolves true, or false with `error` set. `deps` are the load's inputs.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The caller names the load's inputs in `deps` (the load itself is a new closure each render).
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, deps);
  useEffect(() => void reload(), [reload]);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await reload();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    }
  };
  return { data, error, forbidden: error?.status === 403, run };
}
