// The widget's brain, framework-free: one object holding the state, with the work split by topic into
// boot.ts (session, conversation, history), socket.ts (frames, outbox, read), features.ts (pre-chat, offline
// form, rating, files, identity, availability). Components only read view() and call the public methods.
import type { VisitorConversation as Conversation } from '../../protocol';
import type { PublicWidgetConfig } from '../../protocol/settings';
import { BODY_MAX } from './limits';
import { createSession, type Api, type VisitorSession } from './api';
import { boot, ensureConversation, refusal, reportPage, retryBoot } from './boot';
import type { Connection, ConnStatus } from './connection';
import { emitter } from './events';
import { trackPages, type Page } from './pageTracker';
import { here, push, markRead } from './socket';
import * as S from './store';
import { load, save, uuid } from './storage';
import { challenge } from './turnstile';
import { TypingSender } from './typing';

export type { View } from './view';

/**
 * Per-site chat state. Fields are public so that the topic modules can share them; only those modules and
 * view.ts touch them, everything else goes through the methods.
 */
export class Chat {
  // `declare`: fields without an initial value emit no code (es2022 class fields would print each name); undefined
  // reads as false / none.
  declare s: S.ChatState;
  declare conv?: Conversation;
  declare conn?: Connection;
  declare creating?: Promise<void>;
  declare visitor?: { id: string; name: string | null; email: string | null };
  declare booted?: boolean;
  attempt = 0;
  /** The clientKey of this page's conversation start: every retry sends it, so a lost answer never duplicates. */
  ck = uuid();
  readSeq = 0;
  agentReadSeq = 0;
  open = false;
  declare hidden?: boolean;
  status: ConnStatus = 'connecting';
  declare notice?: string | null;
  typing: string | null = null;
  declare hasMore?: boolean;
  /** The latest page not reported yet (navigations before the session exists). */
  declare page?: Page;
  /** Public settings and availability (null until loaded; the widget then works with defaults). */
  declare cfg?: PublicWidgetConfig | null;
  /** The offline form was sent (shows the confirmation). */
  declare offlineSent?: boolean;
  /** Conversation rated during this page view (shows "Thanks"). */
  declare thanked?: string;
  declare upload?: { name: string; pct: number } | null;
  unreadSeen = 0;
  timers: Record<string, ReturnType<typeof setTimeout> | undefined> = {};
  listeners = new Set<() => void>();
  events = emitter();
  declare sess: VisitorSession;
  typingOut = new TypingSender((on) => this.conn?.send({ type: 'typing', on }));

  // Assigned, not parameter properties: those would also print a field declaration each.
  declare api: Api;
  declare site: string;
  declare wsBase: string;

  constructor(api: Api, site: string, wsBase: string) {
    this.api = api;
    this.site = site;
    this.wsBase = wsBase;
    // Cloudflare's script is fetched only for a new visitor of a site that requires Turnstile (turnstile.ts).
    this.sess = createSession(api, site, this.key('token'), async (k = this.cfg?.turnstileSiteKey) => k && challenge(k));
    this.s = { messages: [], pending: S.parseOutbox(load(this.key('outbox'))) };
  }

  /** Starts the session (and the socket when a conversation exists). */
  start(): void {
    addEventListener('online', () => !this.booted && boot(this));
    document.addEventListener('visibilitychange', () => this.changed());
    trackPages({ history, addEventListener: (t, f) => addEventListener(t, f), read: () => here() }, (p) => reportPage(this, p));
    void boot(this);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Opens or closes the panel (opening marks agent messages read). */
  setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    // The offline form's confirmation lasts until the panel closes; reopening shows the conversation.
    if (!open) this.offlineSent = false;
    this.events.emit(open ? 'open' : 'close');
    this.changed();
  }

  /** Queues a message and sends it as soon as possible; false when empty or too long. */
  send(body: string): boolean {
    const text = body.trim();
    if (!text || text.length > BODY_MAX) return false;
    this.typingOut.stop();
    const p: S.Pending = { clientId: uuid(), body: text, createdAt: new Date().toISOString(), state: 'sending' };
    this.update(S.addPending(this.s, p));
    // Without a conversation yet, create it lazily; before the session exists, boot() picks the outbox up.
    if (this.conv) push(this, p);
    // A refusal (rate_limited...) marks it failed with a Retry button: no retry loop; a network failure boots again.
    else if (this.booted) ensureConversation(this).catch((e) => refusal(e) || retryBoot(this));
    this.changed();
    return true;
  }

  /** Shows a notice (auto-hidden after 10 s), or hides it (null). */
  showNotice(code: string | null): void {
    this.notice = code;
    clearTimeout(this.timers.notice);
    if (code) this.timers.notice = setTimeout(() => this.showNotice(null), 10000);
    this.changed();
  }

  /** The localStorage key of `name` for this site. */
  key(name: string): string {
    return `parley:${this.site}:${name}`;
  }

  /** Replaces the message state and persists the outbox. */
  update(s: S.ChatState): void {
    if (s === this.s) return;
    this.s = s;
    save(this.key('outbox'), S.serializeOutbox(s));
  }

  /** Sets the connection indicator. */
  setStatus(s: ConnStatus): void {
    this.status = s;
    this.changed();
  }

  /** Notifies the UI and the page (unread count), and marks messages read while visible. */
  changed(): void {
    markRead(this);
    const n = S.unreadCount(this.s, this.readSeq);
    if (n !== this.unreadSeen) this.events.emit('unread', (this.unreadSeen = n));
    this.listeners.forEach((f) => f());
  }
}
