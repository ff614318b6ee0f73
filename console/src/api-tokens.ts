// REST calls of API tokens (owners and admins signed in; 403 otherwise).
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../protocol';
import { call, client } from './api';

/** List, create (the secret comes back this once) and revoke the workspace's API tokens. */
export const tokenApi = {
  list: (): Promise<{ tokens: ApiToken[] }> => call(client.api.tokens.$get()),
  create: (body: CreateApiTokenBody): Promise<CreatedApiToken> => call(client.api.tokens.$post({ json: body })),
  revoke: (id: string): Promise<{ token: ApiToken }> => call(client.api.tokens[':id'].$delete({ param: { id } })),
};
