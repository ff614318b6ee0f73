// The canned responses the agent can see, shared by the /canned page and every composer's picker:
// one module-level copy, refreshed on mount, so a response saved on the page is in the picker at once.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CannedResponse } from '../../../worker/src/protocol';
import type { ApiError } from '../api';
import { cannedApi } from '../api-tools';

let cache: CannedResponse[] | null = null;
const listeners = new Set<(list: CannedResponse[]) => void>();

function publish(list: CannedResponse[]): void {
  cache = list;
  listeners.forEach((listener) => listener(list));
}

/** Puts one response in the shared list (after a save or a use), replacing the copy with its id. */
export function putCanned(response: CannedResponse): void {
  const list = cache ?? [];
  publish(list.some((c) => c.id === response.id) ? list.map((c) => (c.id === response.id ? response : c)) : [...list, response]);
}

/** Drops a deleted response from the shared list. */
export function dropCanned(id: string): void {
  publish((cache ?? []).filter((c) => c.id !== id));
}

/** The list (null until the first load), its load error, and a reload. */
export function useCannedList() {
  const [list, setList] = useState<CannedResponse[] | null>(cache);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      publish((await cannedApi.list()).cannedResponses);
      setError(null);
    } catch (e) {
      setError((e as ApiError).message);
    }
  }, []);
  useEffect(() => {
    listeners.add(setList);
    void reload();
    return () => void listeners.delete(setList);
  }, [reload]);
  return { list, error, reload };
}
