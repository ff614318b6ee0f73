// The widget's REST calls. Errors come back as {error:{code,message}} and surface as ApiError.
import type { Conversation, Message, Visitor } from '../../worker/src/protocol';
import type { Availability, PublicWidgetConfig } from '../../worker/src/protocol/settings';
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
export type Session = { token: string; visitor: Visitor; conversations: Conversation[]; availability?: Availability };

/** A verified user of the site (Parley('identify')): `hash` is HMAC-SHA256(id) with the site's secret. */
export type User = { id: string; hash: string; email?: string; name?: string };

/** Body of POST /api/widget/conversations: pre-chat details, or the offline form's message. */
export type StartBody = { name?: string; email?: string; message?: string };

/** Answer of GET /api/widget/conversations/:id/messages. */
export type HistoryPage = { messages: Message[]; hasMore: boolean };

/** The REST client for one API origin. */
export type Api = ReturnType<typeof createApi>;

/** Creates the REST client; `base` is the origin the widget script was served from. */
export function createApi(base: string) {
  const conv = (id: string) => '/api/widget/conversations/' + encodeURIComponent(id);
  const errorOf = (status: number, data: unknown, text: string) => {
    const e = (data as { error?: { code?: string; message?: string } } | null)?.error;
    return new ApiError(status, (e && e.code) || 'http_' + status, (e && e.message) || text);
  };
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
    if (!res.ok) throw errorOf(res.status, data, res.statusText);
    return data as T;
  }

  return {
    /** Starts or resumes the visitor's session; a stale token is dropped once (the visitor starts afresh). */
    async session(siteKey: string, token?: string | null, page?: Page, user?: User): Promise<Session> {
      try {
        return await call<Session>('/api/widget/session', 'POST', undefined, token ? { siteKey, token, page, user } : { siteKey, page, user });
      } catch (e) {
        if (token && e instanceof ApiError && e.status === 401) return call<Session>('/api/widget/session', 'POST', undefined, { siteKey, page, user });
        throw e;
      }
    },
    /** The public widget settings and whether anyone can answer now. */
    config: (siteKey: string) => call<PublicWidgetConfig>('/api/widget/config/' + encodeURIComponent(siteKey), 'GET'),
    /** Tells the server where the visitor is now (204). */
    async page(token: string, page: Page): Promise<void> {
      await call('/api/widget/page', 'POST', token, page);
    },
    /** Opens a new conversation for the visitor. */
    async startConversation(token: string, body: StartBody = {}): Promise<Conversation> {
      return (await call<{ conversation: Conversation }>('/api/widget/conversations', 'POST', token, body)).conversation;
    },
    /** CSAT for a resolved conversation (once). */
    async rate(token: string, id: string, score: number, comment?: string): Promise<Conversation> {
      return (await call<{ conversation: Conversation }>(conv(id) + '/rating', 'POST', token, { score, comment })).conversation;
    },
    /** Uploads a file with progress (fetch cannot report upload progress, XMLHttpRequest can). */
    upload(token: string, id: string, file: File, progress: (fraction: number) => void): Promise<Message> {
      return new Promise((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open('POST', base + conv(id) + '/files');
        x.setRequestHeader('authorization', 'Bearer ' + token);
        x.setRequestHeader('content-type', file.type);
        x.setRequestHeader('x-filename', encodeURIComponent(file.name));
        x.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
        x.onload = () => {
          let data: { message?: Message } | null = null;
          try {
            data = JSON.parse(x.responseText);
          } catch {
            /* not JSON: the status decides */
          }
          if (x.status >= 200 && x.status < 300 && data?.message) resolve(data.message);
          else reject(errorOf(x.status, data, x.statusText));
        };
        x.onerror = () => reject(new TypeError('network'));
        x.send(file);
      });
    },
    /** The bytes of an attachment; `url` is the API path from message.file (tokens never go in URLs, so no <img src>). */
    async file(token: string, url: string): Promise<Blob> {
      // Only API paths: the token must never travel to another origin.
      if (!url.startsWith('/')) throw new ApiError(400, 'bad_url', url);
      const res = await fetch(base + url, { headers: { authorization: 'Bearer ' + token }, credentials: 'omit' });
      if (!res.ok) throw new ApiError(res.status, 'http_' + res.status, res.statusText);
      return res.blob();
    },
    /** One page of history, ascending, before `before` (the newest page without it). */
    history(token: string, id: string, before?: number, limit = 50): Promise<HistoryPage> {
      const q = '?limit=' + limit + (before ? '&before=' + before : '');
      return call<HistoryPage>(conv(id) + '/messages' + q, 'GET', token);
    },
  };
}
