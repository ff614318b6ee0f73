// The widget's brain, framework-free: session and token, lazy conversation, history, the socket, the outbox, unread.
// Components only read `view()` and call the public methods.
import type { Conversation, ConversationStatus, ServerFrame } from '../../worker/src/protocol';
import { BEARER_PREFIX, LIMITS, SUBPROTOCOL } from '../../worker/src/protocol/limits';
import { ApiError, type Api } from './api';
import { Connection, backoff, type ConnStatus } from './connection';
import { clip, trackPages, type Page } from './pageTracker';
import * as S from './store';
import { load, save, uuid } from './storage';
import { beep } from './sound';

/** A snapshot of everything the UI shows. */
export type View = {
  open: boolean;
  status: ConnStatus;
  items: S.Item[];
  unread: number;
  /** Error code of the visible notice, if any. */
  notice: string | null;
  /** The typing agent's name ('' when unnamed), or null. */
  typing: string | null;
  agentReadSeq: number;
  hasMore: boolean;
  /** Lifecycle status of the conversation, once there is one. */
  convStatus?: ConversationStatus;
  /** Name of the agent the conversation is assigned to. */
  assignee: string | null;
};

/** Where the visitor is now (the referrer only matters for the session's landing page). */
const here = (referrer?: boolean): Page => clip({ url: location.href, title: document.title, referrer: referrer ? document.referrer : undefined });

/** Per-site chat state machine behind the widget. */
export class Chat {
  #s: S.ChatState;
  #token: string | null;
  #visitorId?: string;
  #conv?: Conversation;
  #conn?: Connection;
  #creating?: Promise<void>;
  #booted = false;
  #bootAttempt = 0;
  #readSeq = 0;
  #agentReadSeq = 0;
  #open = false;
  #status: ConnStatus = 'connecting';
  #notice: string | null = null;
  #typing: string | null = null;
  #hasMore = false;
  /** The latest page not reported yet (navigations before the session exists). */
  #page?: Page;
  #timers: Record<string, ReturnType<typeof setTimeout> | undefined> = {};
  #listeners = new Set<() => void>();

  #api: Api;
  #siteKey: string;
  #wsBase: string;

  constructor(api: Api, siteKey: string, wsBase: string) {
    this.#api = api;
    this.#siteKey = siteKey;
    this.#wsBase = wsBase;
    this.#token = load(this.#key('token'));
    this.#s = { messages: [], pending: S.parseOutbox(load(this.#key('outbox'))) };
  }

  /** Starts the session (and the socket when a conversation exists). */
  start(): void {
    addEventListener('online', () => !this.#booted && this.#boot());
    document.addEventListener('visibilitychange', () => this.#changed());
    trackPages({ history, addEventListener: (t, f) => addEventListener(t, f), read: () => here() }, (p) => this.#reportPage(p));
    void this.#boot();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(f: () => void): () => void {
    this.#listeners.add(f);
    return () => this.#listeners.delete(f);
  }

  /** The current snapshot for rendering. */
  view(): View {
    return {
      open: this.#open,
      status: this.#status,
      notice: this.#notice,
      typing: this.#typing,
      agentReadSeq: this.#agentReadSeq,
      hasMore: this.#hasMore,
      convStatus: this.#conv?.status,
      assignee: this.#conv?.assigneeName || null,
      items: S.toItems(this.#s),
      unread: S.unreadCount(this.#s, this.#readSeq),
    };
  }

  /** Opens or closes the panel (opening marks agent messages read). */
  setOpen(open: boolean): void {
    this.#open = open;
    this.#changed();
  }

  /** Queues a message and sends it as soon as possible; false when empty or too long. */
  send(body: string): boolean {
    const text = body.trim();
    if (!text || text.length > LIMITS.bodyMax) return false;
    const p: S.Pending = { clientId: uuid(), body: text, createdAt: new Date().toISOString(), state: 'sending' };
    this.#update(S.addPending(this.#s, p));
    // Without a conversation yet, create it lazily; before the session exists, boot() picks the outbox up.
    if (this.#conv) this.#push(p);
    else if (this.#booted) this.#ensureConversation().catch(() => this.#retryBoot());
    this.#changed();
    return true;
  }

  /** Retries a failed message. */
  retry(clientId: string): void {
    const p = this.#s.pending.find((x) => x.clientId === clientId);
    if (!p || p.state !== 'failed') return;
    this.#update(S.retryPending(this.#s, clientId));
    this.#push(p);
    this.#changed();
  }

  /** Tells the agent whether the visitor is typing. */
  setTyping(on: boolean): void {
    this.#conn?.send({ type: 'typing', on });
  }

  /** Loads the page of history before the oldest message shown. */
  loadOlder(): void {
    const first = S.firstSeq(this.#s);
    if (first && this.#conv) this.#loadHistory(this.#conv, first).catch(() => undefined);
  }

  /** Hides the notice. */
  dismissNotice(): void {
    this.#notice = null;
    this.#changed();
  }

  #key(name: string) {
    return `parley:${this.#siteKey}:${name}`;
  }

  async #boot() {
    clearTimeout(this.#timers.boot);
    try {
      await this.#session();
      this.#booted = true;
      this.#reportPage();
      const c = this.#conv;
      if (c) {
        await this.#loadHistory(c);
        this.#connect();
      } else if (this.#s.pending.length) await this.#ensureConversation();
      else this.#setStatus('online');
      this.#bootAttempt = 0;
    } catch {
      this.#retryBoot();
    }
  }

  #retryBoot() {
    this.#booted = false;
    this.#setStatus('offline');
    clearTimeout(this.#timers.boot);
    this.#timers.boot = setTimeout(() => this.#boot(), backoff(this.#bootAttempt++));
  }

  /** POST /session with the stored token: the same visitor comes back with a fresh token. */
  async #session() {
    const page = here(true);
    const r = await this.#api.session(this.#siteKey, this.#token, page);
    // The session carried the current page: a queued report of the same page is done.
    if (this.#page && this.#page.url === page.url && this.#page.title === page.title) this.#page = undefined;
    this.#token = r.token;
    save(this.#key('token'), r.token);
    if (this.#visitorId !== r.visitor.id) {
      // A different identity (the old token was refused): the old conversation is not ours any more.
      if (this.#visitorId) {
        this.#conn?.stop();
        this.#conn = this.#conv = undefined;
        this.#s = { messages: [], pending: this.#s.pending };
        this.#readSeq = this.#agentReadSeq = 0;
        setTimeout(() => this.#boot());
      }
      this.#visitorId = r.visitor.id;
    }
    if (!this.#conv && r.conversations[0]) this.#setConversation(r.conversations[0]);
  }

  /** Runs a REST call with the token, renewing the session once when it has expired. */
  async #withToken<T>(f: (token: string) => Promise<T>): Promise<T> {
    try {
      return await f(this.#token || '');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      await this.#session();
      return f(this.#token || '');
    }
  }

  /** Reports a navigation; before the session exists only the latest one is kept, and boot sends it. */
  #reportPage(p?: Page) {
    if (p) this.#page = p;
    const q = this.#page;
    if (!q || !this.#booted) return;
    this.#page = undefined;
    // Best effort: a lost report is corrected by the next navigation or session.
    this.#withToken((t) => this.#api.page(t, q)).catch(() => undefined);
  }

  #ensureConversation(): Promise<void> {
    if (this.#conv) return Promise.resolve(this.#connect());
    return (this.#creating ||= this.#withToken((t) => this.#api.startConversation(t))
      .then((c) => {
        this.#setConversation(c);
        this.#connect();
      })
      .finally(() => (this.#creating = undefined)));
  }

  async #loadHistory(c: Conversation, before?: number) {
    const page = await this.#withToken((t) => this.#api.history(t, c.id, before));
    if (this.#conv?.id !== c.id) return;
    this.#update(S.mergeMessages(this.#s, page.messages).state);
    this.#hasMore = page.hasMore;
    this.#changed();
  }

  #connect() {
    if (this.#conn) return;
    this.#conn = new Connection({
      target: async (fresh) => {
        if (fresh) await this.#session();
        const c = this.#conv;
        if (!c || !this.#token) throw new Error('no conversation');
        // Resume after the highest seq we hold: the server replays the gap, mergeMessages drops duplicates.
        const url = `${this.#wsBase}/api/widget/conversations/${encodeURIComponent(c.id)}/ws?after=${S.lastSeq(this.#s)}`;
        return { url, protocols: [SUBPROTOCOL, BEARER_PREFIX + this.#token] };
      },
      onFrame: (f) => this.#onFrame(f),
      onStatus: (st) => this.#setStatus(st),
    });
    this.#setStatus(this.#conn.status);
    this.#conn.start();
  }

  #onFrame(f: ServerFrame) {
    switch (f.type) {
      case 'hello':
        this.#setConversation(f.conversation);
        this.#flush();
        break;
      case 'ack':
        this.#update(S.ackPending(this.#s, f.clientId, f.seq));
        break;
      case 'message': {
        const { state, added } = S.mergeMessages(this.#s, [f.message]);
        this.#update(state);
        // System lines (claimed, resolved...) neither beep nor clear the typing indicator.
        if (added.some((m) => m.sender.type === 'agent' && m.kind !== 'system')) {
          this.#typing = null;
          beep();
        }
        break;
      }
      case 'read':
        if (f.by === 'agent') this.#agentReadSeq = Math.max(this.#agentReadSeq, f.seq);
        else this.#readSeq = Math.max(this.#readSeq, f.seq);
        break;
      case 'typing':
        if (f.sender.type !== 'agent') break;
        this.#typing = f.on ? f.sender.name || '' : null;
        clearTimeout(this.#timers.typing);
        // A lost "typing off" must not leave the indicator on forever.
        if (f.on) this.#timers.typing = setTimeout(() => ((this.#typing = null), this.#changed()), 8000);
        break;
      case 'conversation':
        this.#setConversation(f.conversation);
        break;
      case 'error':
        if (f.clientId) this.#update(S.failPending(this.#s, f.clientId, f.code));
        if (f.clientId || f.code === 'rate_limited') this.#showNotice(f.code);
        break;
    }
    this.#changed();
  }

  #setConversation(c: Conversation) {
    if (this.#conv && this.#conv.id !== c.id) return;
    this.#conv = c;
    this.#readSeq = Math.max(this.#readSeq, c.visitorReadSeq || 0);
    this.#agentReadSeq = Math.max(this.#agentReadSeq, c.agentReadSeq || 0);
  }

  /** Resends the outbox after a hello, paced like the server's bucket (burst, then ~1/s) so a long queue is not refused. */
  #flush(ids = S.toSend(this.#s).map((p) => p.clientId), budget: number = LIMITS.visitorBurst) {
    clearTimeout(this.#timers.flush);
    while (ids.length && budget > 0) {
      const p = this.#s.pending.find((x) => x.clientId === ids[0]);
      if (p && p.state !== 'sent') {
        if (!this.#push(p)) return;
        budget--;
      }
      ids.shift();
    }
    if (ids.length) this.#timers.flush = setTimeout(() => this.#flush(ids, 1), 1100);
  }

  #push(p: S.Pending): boolean {
    if (p.state === 'failed') this.#update(S.retryPending(this.#s, p.clientId));
    return !!this.#conn?.send({ type: 'send', clientId: p.clientId, body: p.body, kind: 'text' });
  }

  /** Sends `read` up to the newest seq while the panel is open and the page visible. */
  #markRead() {
    if (!this.#open || document.visibilityState === 'hidden' || !S.unreadCount(this.#s, this.#readSeq)) return;
    const seq = S.lastSeq(this.#s);
    if (this.#conn?.send({ type: 'read', seq })) this.#readSeq = seq;
  }

  #showNotice(code: string) {
    this.#notice = code;
    clearTimeout(this.#timers.notice);
    this.#timers.notice = setTimeout(() => this.dismissNotice(), 10000);
  }

  #update(s: S.ChatState) {
    if (s === this.#s) return;
    this.#s = s;
    save(this.#key('outbox'), S.serializeOutbox(s));
  }

  #setStatus(s: ConnStatus) {
    this.#status = s;
    this.#changed();
  }

  #changed() {
    this.#markRead();
    this.#listeners.forEach((f) => f());
  }
}
