// localStorage can throw (Safari private mode, sandboxed iframes, disabled storage): the widget must keep working.

/** Reads a key, or null when storage is unavailable. */
export function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a key (null removes it); silently does nothing when storage is unavailable. */
export function save(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage full or blocked: the in-memory state still works for this page */
  }
}

/** A random id for a message's clientId; randomUUID only exists in secure contexts. */
export function uuid(): string {
  return crypto.randomUUID?.() ?? crypto.getRandomValues(new Uint32Array(4)).join('-');
}
