// The audit log, a page at a time: the first page on mount and whenever the action filter changes, older ones on demand.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AuditAction, AuditEntry } from '../../../protocol';
import type { ApiError } from '../api';
import { auditApi } from '../api-audit';

/** Entries (null until the first answer), whether older ones exist, loadMore, the last error and whether it was a 403. */
export function useAudit(action: AuditAction | undefined) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let alive = true;
    setEntries(null);
    setError(null);
    auditApi.list({ action }).then(
      (page) => {
        if (alive) {
          setEntries(page.entries);
          setCursor(page.nextCursor);
        }
      },
      (e: ApiError) => {
        if (alive) setError(e);
      },
    );
    return () => {
      alive = false;
    };
  }, [action]);

  const loadMore = useCallback(async () => {
    if (!cursor || loading) return;
    setLoading(true);
    try {
      const page = await auditApi.list({ action, cursor });
      setEntries((old) => [...(old ?? []), ...page.entries]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  }, [action, cursor, loading]);

  return { entries, hasMore: cursor !== null, loadMore, loading, error, forbidden: error?.status === 403 };
}
