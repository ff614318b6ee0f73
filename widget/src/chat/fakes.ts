// Test doubles for the chat core's unit tests (imported by *.test.ts only): the page globals, a routed fake fetch and
// a WebSocket the test drives. Run under vi.useFakeTimers(); nothing here waits on real time.
import { vi } from 'vitest';
import type { VisitorConversation as Conversation, VisitorMessage as Message } from '../../../protocol';
import type { PublicWidgetConfig } from '../../../protocol/settings';
import { createChat } from './chat';

/** A JSON answer. */
export const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(status == 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
/** The server's refusal shape. */
export const refusal = (status: number, code: string) => json(status, { error: { code, message: code } });

/** A conversation as the server sends it. */
export const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'cv_1',
  status: 'active',
  assigneeName: null,
  visitor: { name: null, email: null },
  rating: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastMessageAt: null,
  lastMessagePreview: null,
  visitorUnread: 0,
  visitorReadSeq: 0,
  agentReadSeq: 0,
  rev: 1,
  ...over,
});

/** A stored message. */
export const message = (seq: number, over: Partial<Message> = {}): Message =>
  ({
    id: 'm' + seq,
    seq,
    sender: { type: 'agent', name: 'Ann' },
    kind: 'text',
    body: 'reply ' + seq,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  }) as Message;

/** A session answer for visitor `id`, with these conversations. */
export const session = (conversations: Conversation[] = [], token = 'tok', id = 'v1') => ({
  token,
  visitor: { id, name: null, email: null },
  conversations,
});

/** A WebSocket the test drives: `sockets` lists every one opened, in order. */
export class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  readyState = 0;
  sent: { type: string; [k: string]: unknown }[] = [];
  closed = false;
  constructor(
    public url: string,
    public protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  /** The server accepts: open, then hello with this conversation (`at`: the server's time). */
  accept(conv = conversation(), lastSeq = 0, at = '2026-01-01T00:10:00.000Z') {
    this.readyState = 1;
    this.onopen?.();
    this.frame({ type: 'hello', conversation: conv, lastSeq, you: { role: 'visitor', id: 'v1' }, at });
  }
  frame(f: object) {
    this.onmessage?.({ data: JSON.stringify(f) });
  }
  /** The connection drops (or the server closes it with `code`). */
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

/** The page's event listeners (window and document), by event name: `fire('online')` runs them. */
export const pageEvents: Record<string, (() => void)[]> = {};
export const fire = (name: string) => {
  for (const f of pageEvents[name] ?? []) f();
};
const listen = (name: string, f: () => void) => void (pageEvents[name] ||= []).push(f);

/** Installs the browser globals the chat touches; returns the fetch mock (routes set by the test). */
export function stubPage() {
  FakeSocket.all = [];
  for (const k of Object.keys(pageEvents)) delete pageEvents[k];
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { href: 'https://shop.example/cart', origin: 'https://shop.example' });
  vi.stubGlobal('document', { title: 'Cart', referrer: '', visibilityState: 'visible', addEventListener: listen });
  vi.stubGlobal('history', { pushState: () => undefined, replaceState: () => undefined });
  vi.stubGlobal('addEventListener', listen);
  vi.stubGlobal('removeEventListener', () => undefined);
  const fetch = vi.fn();
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Calls of `fetch` whose URL contains `path`. */
export const callsTo = (fetch: ReturnType<typeof vi.fn>, path: string) =>
  fetch.mock.calls.filter(([url]) => String(url).includes(path));

/** A chat of site `site_key_1` against the fake server. */
export const makeChat = (cfg: PublicWidgetConfig | null = null) =>
  createChat('https://parley.example', 'site_key_1', cfg);

/** A fetch router: `session` answers POST /session, `history` the message pages, anything else 404 unless routed. */
export function server(
  fetch: ReturnType<typeof vi.fn>,
  routes: Record<string, (body: Record<string, unknown> | null, auth: string | undefined) => Promise<Response>>,
) {
  fetch.mockImplementation((url: string, init?: { body?: string; headers?: Record<string, string> }) => {
    const body = init?.body ? JSON.parse(init.body) : null;
    const auth = init?.headers?.authorization;
    // The longest matching route wins (/conversations/cv_1/messages over /conversations).
    const hit = Object.keys(routes)
      .filter((k) => String(url).includes(k))
      .sort((a, b) => b.length - a.length)[0];
    return hit ? routes[hit]!(body, auth) : refusal(404, 'not_found');
  });
}
