// The canned responses the agent can see, shared by the /canned page and every composer's picker:
// one module-level copy, refreshed on mount, when the picker opens and when the window regains the focus,
// so a response saved on the page, by a colleague or in another tab is in the picker without a reload.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CannedResponse } from '../../../protocol';
import type { ApiError } from '../api';
import { cannedApi } from '../api-tools';

let cache: CannedResponse[] | null = null;
const listeners = new Set<(list: CannedResponse[]) => void>();

function publish(list: CannedResponse[]): void {
  cache = list;
  listeners.forEach((listener) => {
    listener(list);
  });
}

/** Puts one response in the shared list (after a save or a use), replacing the copy with its id. */
export function putCanned(response: CannedResponse): void {
  const list = cache ?? [];
  publish(
    list.some((c) => c.id === response.id)
      ? list.map((c) => (c.id === response.id ? response : c))
      : [...list, response],
  );
}

/** Drops a deleted response from the shared list. */
export function dropCanned(id: string): void {
  publish((cache ?? []).filter((c) => c.id !== id));
}

let inFlight: Promise<void> | null = null;

/** Fetches the list again for every user of it (one request at a time); errors reach `onError`. */
export function refreshCanned(onError?: (message: string) => void): Promise<void> {
  inFlight ??= cannedApi
    .list()
    .then((r) => publish(r.cannedResponses))
    .finally(() => (inFlight = null));
  return inFlight.catch((e) => onError?.((e as ApiError).message));
}

/** The list (null until the first load), its load error, and a reload. */
export function useCannedList() {
  const [list, setList] = useState<CannedResponse[] | null>(cache);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    let failed = false;
    await refreshCanned((message) => {
      failed = true;
      setError(message);
    });
    if (!failed) setError(null);
  }, []);
  useEffect(() => {
    listeners.add(setList);
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      listeners.delete(setList);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);
  return { list, error, reload };
}
