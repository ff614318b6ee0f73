// The outbox list, polled while the page is mounted: the local provider has no push, and 5 s is quick enough for tests.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { devApi, type OutboxEmail } from '../api-dev';

/** How often the outbox is fetched again. */
export const OUTBOX_POLL_MS = 5_000;

/** The emails (null until the first answer), the last error, and whether it was a 403. */
export function useOutbox() {
  const [emails, setEmails] = useState<OutboxEmail[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Chained timeouts, not setInterval: a slow answer never overlaps the next request.
    const poll = async () => {
      try {
        const { emails } = await devApi.outbox();
        if (!alive) return;
        setEmails(emails);
        setError(null);
      } catch (e) {
        if (!alive) return;
        setError(e as ApiError);
        // Forbidden will not change by asking again.
        if ((e as ApiError).status === 403) return;
      }
      timer = setTimeout(poll, OUTBOX_POLL_MS);
    };
    void poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, []);
  return { emails, error, forbidden: error?.status === 403 };
}
