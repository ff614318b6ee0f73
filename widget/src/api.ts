// The widget's REST calls: errors come back as {error:{code,message}} and surface as ApiError. Stateless: the token
// is an argument of every call (chat/session.ts holds it).
import type { Visitor, VisitorConversation as Conversation, VisitorMessage as Message } from '../../protocol';
import type { Availability, PublicWidgetConfig } from '../../protocol/settings';
import type { Page } from './pageTracker';

/** A failed REST call with the server's error code (network failures stay plain TypeErrors, without a status). */
export type ApiError = Error & { status: number; code: string };

/** The REST error of `e`, or undefined for anything else (network failures, bugs). */
export const apiError = (e: unknown): ApiError | undefined => ((e as ApiError)?.status ? (e as ApiError) : undefined);

/** A plain Error with status and code: smaller than a subclass, told apart by apiError(). */
export const fault = (status: number, code: string, message: string): ApiError =>
  Object.assign(new Error(message), { status, code });

/** Answer of POST /api/widget/session. */
export type Session = { token: string; visitor: Visitor; conversations: Conversation[]; availability?: Availability };

/** A verified user of the site (Parley('identify')): `hash` is HMAC-SHA256(id) with the site's secret. */
export type User = { id: string; hash: string; email?: string; name?: string };

/** Body of POST /api/widget/conversations: pre-chat details, or the offline form's message. */
export type StartBody = { name?: string; email?: string; message?: string; clientKey?: string };

/** Answer of GET /api/widget/conversations/:id/messages. */
export type HistoryPage = { messages: Message[]; hasMore: boolean };

/** The REST client for one API origin. */
export type Api = ReturnType<typeof createApi>;

/** Creates the REST client; `base` is the origin the widget script was served from. */
export function createApi(base: string) {
  const conv = (id: string) => '/api/widget/conversations/' + encodeURIComponent(id);
  const errorOf = (status: number, data: { error?: { code?: string; message?: string } } | null, text: string) =>
    fault(status, data?.error?.code || 'http_' + status, data?.error?.message || text);
  // POST when there is a body (every POST of the API has one), else GET; a refusal throws the server's error.
  async function req(path: string, token?: string | null, body?: object): Promise<Response> {
    const headers: Record<string, string> = token ? { authorization: 'Bearer ' + token } : {};
    if (body) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method: body ? 'POST' : 'GET',
      headers,
      body: body && JSON.stringify(body),
      credentials: 'omit',
    });
    if (!res.ok) throw errorOf(res.status, await res.json().catch(() => null), res.statusText);
    return res;
  }
  // A JSON answer (204 and other empty bodies read as null).
  const call = async <T>(path: string, token?: string | null, body?: object): Promise<T> =>
    (await req(path, token, body)).json().catch(() => null);
  const conversation = (r: { conversation: Conversation }) => r.conversation;

  return {
    /** Starts or resumes the visitor's session (JSON.stringify leaves undefined tokens out). */
    session: (siteKey: string, token: string | undefined, page: Page, user?: User, turnstileToken?: string) =>
      call<Session>('/api/widget/session', null, { siteKey, token, page, user, turnstileToken }),
    /** Exchanges a continuation link's token (and this device's key) for a session limited to its conversation. */
    cont: (siteKey: string, token: string, device: string, page: Page) =>
      call<Session>('/api/widget/continue', null, { siteKey, token, device, page }),
    /** Emails the visitor a link that continues the conversation on another device (202). */
    link: (token: string, id: string) => call<{ sent: boolean; to: string }>(conv(id) + '/link', token, {}),
    /** The public widget settings and whether anyone can answer now. */
    config: (siteKey: string) => call<PublicWidgetConfig>('/api/widget/config/' + encodeURIComponent(siteKey)),
    /** Tells the server where the visitor is now (204). */
    page: (token: string, page: Page) => call<null>('/api/widget/page', token, page),
    /** The visitor's conversations, newest first. */
    list: (token: string) =>
      call<{ conversations: Conversation[] }>('/api/widget/conversations', token).then((r) => r.conversations),
    /** Opens a new conversation for the visitor. */
    startConversation: (token: string, body: StartBody) =>
      call<{ conversation: Conversation }>('/api/widget/conversations', token, body).then(conversation),
    /** CSAT for a resolved conversation (once). */
    rate: (token: string, id: string, score: number, comment?: string) =>
      call<{ conversation: Conversation }>(conv(id) + '/rating', token, { score, comment }).then(conversation),
    /** Emails the transcript of a resolved conversation, to `email` or else the visitor's known address (202). */
    transcript: (token: string, id: string, email?: string) =>
      call<{ sent: boolean; to: string }>(conv(id) + '/transcript', token, { email }),
    /** Uploads a file with progress (fetch cannot report upload progress, XMLHttpRequest can). */
    upload: (token: string, id: string, file: File, progress: (fraction: number) => void) =>
      new Promise<Message>((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open('POST', base + conv(id) + '/files');
        x.setRequestHeader('authorization', 'Bearer ' + token);
        x.setRequestHeader('content-type', file.type);
        x.setRequestHeader('x-filename', encodeURIComponent(file.name));
        x.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
        // Parsed by the browser: null when the answer is not JSON (then the status decides).
        x.responseType = 'json';
        x.onload = () => {
          const data: { message?: Message; error?: { code?: string; message?: string } } | null = x.response;
          if (x.status >= 200 && x.status < 300 && data?.message) resolve(data.message);
          else reject(errorOf(x.status, data, x.statusText));
        };
        x.onerror = () => reject(new TypeError('network'));
        x.send(file);
      }),
    /** The bytes of an attachment; `url` is the API path from message.file (tokens never go in URLs, so no <img src>). */
    async file(token: string, url: string): Promise<Blob> {
      // Only API paths: the token must never travel to another origin.
      if (url[0] != '/') throw fault(400, 'bad_url', url);
      return (await req(url, token)).blob();
    },
    /** A help-center read: `path` under /api/widget/kb/ (search?q=…, articles/:id), answered by the loaded chunk. */
    kb: <T>(token: string, path: string) => call<T>('/api/widget/kb/' + path, token),
    /** One page of history (50), ascending, before `before` (the newest page without it). */
    history: (token: string, id: string, before?: number) =>
      call<HistoryPage>(conv(id) + '/messages?limit=50' + (before ? '&before=' + before : ''), token),
  };
}
