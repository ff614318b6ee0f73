// The widget's REST calls. Errors come back as {error:{code,message}} and surface as ApiError.
import type { Conversation, Message, Visitor } from '../../worker/src/protocol';
import type { Page } from './pageTracker';

/** A failed REST call with the server's error code (network failures stay plain TypeErrors). */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Answer of POST /api/widget/session. */
export type Session = { token: string; visitor: Visitor; conversations: Conversation[] };

/** Answer of GET /api/widget/conversations/:id/messages. */
export type HistoryPage = { messages: Message[]; hasMore: boolean };

/** The REST client for one API origin. */
export type Api = ReturnType<typeof createApi>;

/** Creates the REST client; `base` is the origin the widget script was served from. */
export function createApi(base: string) {
  async function call<T>(path: string, method: string, token?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = 'Bearer ' + token;
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const e = data && data.error;
      throw new ApiError(res.status, (e && e.code) || 'http_' + res.status, (e && e.message) || res.statusText);
    }
    return data as T;
  }

  return {
    /** Starts or resumes the visitor's session; a stale token is dropped once (the visitor starts afresh). */
    async session(siteKey: string, token?: string | null, page?: Page): Promise<Session> {
      try {
        return await call<Session>('/api/widget/session', 'POST', undefined, token ? { siteKey, token, page } : { siteKey, page });
      } catch (e) {
        if (token && e instanceof ApiError && e.status === 401) return call<Session>('/api/widget/session', 'POST', undefined, { siteKey, page });
        throw e;
      }
    },
    /** Tells the server where the visitor is now (204). */
    async page(token: string, page: Page): Promise<void> {
      await call('/api/widget/page', 'POST', token, page);
    },
    /** Opens a new conversation for the visitor. */
    async startConversation(token: string): Promise<Conversation> {
      return (await call<{ conversation: Conversation }>('/api/widget/conversations', 'POST', token, {})).conversation;
    },
    /** One page of history, ascending, before `before` (the newest page without it). */
    history(token: string, id: string, before?: number, limit = 50): Promise<HistoryPage> {
      const q = '?limit=' + limit + (before ? '&before=' + before : '');
      return call<HistoryPage>('/api/widget/conversations/' + encodeURIComponent(id) + '/messages' + q, 'GET', token);
    },
  };
}
