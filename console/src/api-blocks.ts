// REST calls of the block list (owners and admins; 403 forbidden otherwise).
import type { Block, CreateBlockBody } from '../../protocol';
import { call, client } from './api';

/** List, create and lift a site's blocks. */
export const blockApi = {
  list: (siteId: string): Promise<{ blocks: Block[] }> =>
    call(client.api.sites[':id'].blocks.$get({ param: { id: siteId } })),
  create: (siteId: string, body: CreateBlockBody): Promise<{ block: Block }> =>
    call(client.api.sites[':id'].blocks.$post({ param: { id: siteId }, json: body })),
  lift: async (siteId: string, blockId: string): Promise<void> => {
    await call(client.api.sites[':id'].blocks[':blockId'].$delete({ param: { id: siteId, blockId } }));
  },
};
