// The console's REST client: Hono's typed `hc` over the worker's AppType, the agent token,
// and one error type carrying the server's `{error:{code,message}}`.
import { DetailedError, hc, parseResponse, type ClientResponse } from 'hono/client';
import type { AppType } from '../../worker/src/app';
import type { Agent, AuthConfig, Conversation, ErrorBody, Message, Site } from '../../protocol';
import type { InboxFilterQuery } from './state/filters';
import { strings } from './strings';

const TOKEN_KEY = 'parley:agent-token';

/** The agent's bearer token, kept in localStorage so a reload stays signed in. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Where the API lives: same origin locally; VITE_API_URL when the console is hosted on Pages. */
export const apiBase: string = (import.meta.env.VITE_API_URL as string | undefined) || location.origin;

/** The typed client; the token is read on every call so login and logout take effect at once. */
export const client = hc<AppType>(apiBase, {
  headers: (): Record<string, string> => {
    const token = tokenStore.get();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
});

/** A failed API call: HTTP status (0 when the server was unreachable), code and a message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, on the 429s that say (account_locked). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const unauthorizedListeners = new Set<() => void>();

/** Runs `listener` whenever the server answers 401 (expired or revoked token); returns an unsubscribe. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Tells every listener the token no longer works (a 401, or sockets closed as revoked). */
export function signalUnauthorized(): void {
  unauthorizedListeners.forEach((listener) => {
    listener();
  });
}

/** Awaits an hc call and returns its JSON body, turning every failure into an ApiError. */
export async function call<R extends ClientResponse<unknown>>(request: Promise<R>) {
  try {
    return await parseResponse(request);
  } catch (error) {
    throw toApiError(error);
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof DetailedError) {
    const status = Number(error.statusCode) || 500;
    const body = error.detail?.data as Partial<ErrorBody> | undefined;
    if (status === 401) signalUnauthorized();
    return new ApiError(
      status,
      body?.error?.code ?? 'error',
      body?.error?.message ?? strings.genericError,
      body?.error?.retryAfter,
    );
  }
  // fetch rejects with a TypeError when the network or the server is down.
  return new ApiError(0, 'network', strings.networkError);
}

/** A signed-in agent with their token. */
export type Session = { token: string; agent: Agent };
/** One page of an inbox tab. */
export type ConversationPage = { conversations: Conversation[]; nextCursor: string | null };
/** One page of history, ascending by seq. */
export type MessagePage = { messages: Message[]; hasMore: boolean };

/** The REST calls the console makes, with the shapes the UI relies on. */
export const api = {
  register: (body: {
    workspace: string;
    name: string;
    email: string;
    password: string;
    setup?: string;
  }): Promise<Session> => call(client.api.auth.register.$post({ json: body })),
  authConfig: (): Promise<AuthConfig> => call(client.api.auth.config.$get()),
  login: (body: { email: string; password: string }): Promise<Session> =>
    call(client.api.auth.login.$post({ json: body })),
  me: (): Promise<{ agent: Agent }> => call(client.api.auth.me.$get()),
  sites: (): Promise<{ sites: Site[] }> => call(client.api.sites.$get()),
  createSite: (body: { name: string; allowedOrigins: string[] }): Promise<{ site: Site }> =>
    call(client.api.sites.$post({ json: body })),
  conversations: (
    siteId: string,
    query: InboxFilterQuery & { archived: boolean; cursor?: string; limit?: number },
  ): Promise<ConversationPage> =>
    call(
      client.api.sites[':id'].conversations.$get({
        param: { id: siteId },
        query: {
          ...query,
          archived: String(query.archived) as 'true' | 'false',
          cursor: query.cursor,
          limit: query.limit?.toString(),
        },
      }),
    ),
  conversation: (id: string): Promise<{ conversation: Conversation }> =>
    call(client.api.conversations[':id'].$get({ param: { id } })),
  messages: (id: string, query: { before?: number; limit?: number }): Promise<MessagePage> =>
    call(
      client.api.conversations[':id'].messages.$get({
        param: { id },
        query: { before: query.before?.toString(), limit: query.limit?.toString() },
      }),
    ),
  archive: (id: string): Promise<{ conversation: Conversation }> =>
    call(client.api.conversations[':id'].archive.$post({ param: { id } })),
  restore: (id: string): Promise<{ conversation: Conversation }> =>
    call(client.api.conversations[':id'].restore.$post({ param: { id } })),
};

/** ws(s):// URL for an API path, on the same host as the REST API. */
export function wsUrl(path: string): string {
  return apiBase.replace(/^http/, 'ws').replace(/\/+$/, '') + path;
}
