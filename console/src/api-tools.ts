// REST calls of the agent tools: canned responses, knowledge base, notification preferences, message deletion.
import type { Article, CannedResponse, Message, Preferences } from '../../protocol';
import { call, client } from './api';

/** What the canned-response form sends (shared needs owner/admin: 403 forbidden otherwise). */
export type CannedInput = { title: string; content: string; shortcut: string; category: string; shared: boolean };
/** What the article form sends. */
export type ArticleInput = { title: string; content: string; category: string; tags: string[]; active: boolean };
/** Filters of the article list. */
export type ArticleFilter = { q?: string; category?: string; active?: boolean };

const byId = (id: string) => ({ param: { id } });

/** Canned responses: shared ones plus the caller's personal ones, most used first (409 shortcut_taken on a clash). */
export const cannedApi = {
  list: (q?: string): Promise<{ cannedResponses: CannedResponse[] }> =>
    call(client.api['canned-responses'].$get({ query: q ? { q } : {} })),
  create: (body: CannedInput): Promise<{ cannedResponse: CannedResponse }> =>
    call(client.api['canned-responses'].$post({ json: body })),
  update: (id: string, changes: Partial<CannedInput>): Promise<{ cannedResponse: CannedResponse }> =>
    call(client.api['canned-responses'][':id'].$patch({ ...byId(id), json: changes })),
  remove: async (id: string): Promise<void> => {
    await call(client.api['canned-responses'][':id'].$delete(byId(id)));
  },
  /** Counts one insertion (usage + 1, last used now). */
  use: (id: string): Promise<{ cannedResponse: CannedResponse }> =>
    call(client.api['canned-responses'][':id'].use.$post(byId(id))),
};

/** Knowledge base: everyone reads and searches, owners and admins write. */
export const articleApi = {
  list: (filter: ArticleFilter = {}): Promise<{ articles: Article[] }> =>
    call(
      client.api.articles.$get({
        query: {
          ...(filter.q ? { q: filter.q } : {}),
          ...(filter.category ? { category: filter.category } : {}),
          ...(filter.active === undefined ? {} : { active: filter.active ? 'true' : 'false' }),
        },
      }),
    ),
  create: (body: ArticleInput): Promise<{ article: Article }> => call(client.api.articles.$post({ json: body })),
  update: (id: string, changes: Partial<ArticleInput>): Promise<{ article: Article }> =>
    call(client.api.articles[':id'].$patch({ ...byId(id), json: changes })),
  remove: async (id: string): Promise<void> => {
    await call(client.api.articles[':id'].$delete(byId(id)));
  },
};

/** The agent's notification preferences, kept on the server so they follow them to every browser. */
export const preferencesApi = {
  get: (): Promise<{ preferences: Preferences }> => call(client.api.auth.me.$get()),
  update: (changes: Partial<Preferences>): Promise<{ preferences: Preferences }> =>
    call(client.api.auth.me.preferences.$patch({ json: changes })),
};

/** Deletes one of the agent's own text or file messages (403 not_your_message otherwise); sockets then get the emptied copy. */
export function deleteMessage(conversationId: string, messageId: string): Promise<{ message: Message }> {
  return call(
    client.api.conversations[':id'].messages[':messageId'].$delete({ param: { id: conversationId, messageId } }),
  );
}
