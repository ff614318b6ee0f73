// A site's block list for the Blocked page: loaded on mount, reloaded after each change.
import type { CreateBlockBody } from '../../../protocol';
import { blockApi } from '../api-blocks';
import { useLoaded } from './useLoaded';

/** The blocks (null until the first answer), the last error, and actions that reload the list. */
export function useBlocks(siteId: string) {
  const { data, error, forbidden, run } = useLoaded(async () => (await blockApi.list(siteId)).blocks, [siteId]);
  return {
    blocks: data,
    error,
    forbidden,
    lift: (id: string) => run(() => blockApi.lift(siteId, id)),
    add: (body: CreateBlockBody) => run(() => blockApi.create(siteId, body)),
  };
}
