// A site's block list for the Blocked page: loaded on mount, reloaded after each change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Block, CreateBlockBody } from '../../../protocol';
import type { ApiError } from '../api';
import { blockApi } from '../api-blocks';

/** The blocks (null until the first answer), the last error, and actions that reload the list. */
export function useBlocks(siteId: string) {
  const [blocks, setBlocks] = useState<Block[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    try {
      setBlocks((await blockApi.list(siteId)).blocks);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, [siteId]);
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
  return {
    blocks,
    error,
    forbidden: error?.status === 403,
    lift: (id: string) => run(() => blockApi.lift(siteId, id)),
    add: (body: CreateBlockBody) => run(() => blockApi.create(siteId, body)),
  };
}
