// The widget's chat core: the one owner of all chat state, written as a closure (its locals minify to one letter,
// an object's fields would not). Components read view() and call the intents; nothing else writes the state.
// Below it, each knowing nothing of this file: session.ts (token, renewal), client/connection.ts (the socket state
// machine shared with the console), frames.ts (what a frame changes), outbox.ts (what is sent after a hello),
// store.ts (the message log). One file on purpose: split, the lifecycle and the intents would share mutable state
// again (docs/architecture.md, "The widget's chat core").
import type { VisitorConversation as Conversation, VisitorServerFrame as ServerFrame } from '../../../protocol';
import { BEARER_PREFIX, BLOCKED_CLOSE, SUBPROTOCOL } from '../../../protocol/limits';
import type { PublicWidgetConfig } from '../../../protocol/settings';
import { backoff, createConnection, type Connection, type ConnState } from '../../../client/connection';
import { TYPING_TIMEOUT_MS } from '../../../client/constants';
import { resumeSince } from '../../../client/messages';
import { toStatus, type ConnStatus } from '../../../client/status';
import { apiError, createApi, type StartBody, type User } from '../api';
import { emitter } from '../events';
import { checkFile } from '../files';
import { BODY_MAX } from '../limits';
import { clip, trackPages, type Page } from '../pageTracker';
import { beep } from '../sound';
import { load, save, uuid } from '../storage';
import { strings } from '../strings';
import { challenge } from '../turnstile';
import { adopt, applyFrame, emptyConv, type ConvState } from './frames';
import { createOutbox } from './outbox';
import { createSession, explain, pageRefused, refusal, STALE } from './session';
import * as S from './store';
import { available, csatOf, modeOf, own, type View } from './view';

/** A running chat: the intents, subscribe() and view(). */
export type Chat = ReturnType<typeof createChat>;

/**
 * Creates the chat of one site (start() runs it). Positional parameters: an options object's property names would
 * survive minification.
 * @param base Parley's origin: the REST API's, and as ws(s) the socket's.
 * @param cfg The config the loader fetched (null when it could not).
 * @param apply Re-themes the launcher after each availability check.
 * @param cont A continuation link's token from the page's URL: the first session exchanges it.
 */
export function createChat(
  base: string,
  site: string,
  cfg: PublicWidgetConfig | null,
  apply?: (cfg: PublicWidgetConfig | null) => void,
  cont?: string,
) {
  const api = createApi(base);
  const key = (name: string) => `parley:${site}:${name}`;
  const listeners = new Set<() => void>();
  const events = emitter();
  const blobs = new Map<string, Promise<string>>();
  /** The clientKey of this page's conversation start: every retry sends it, so a lost answer never duplicates. */
  let ck = uuid();
  let st: ConvState = emptyConv(S.parseOutbox(load(key('outbox'))));
  let conn: Connection | undefined;
  let creating: Promise<void> | undefined;
  let visitor: { id: string; name: string | null; email: string | null } | undefined;
  /** The visitor's conversations as the last session listed them (the list itself loads on demand). */
  let convs: Conversation[] = [];
  let booted = false;
  let started = false;
  /** A boot is on its way: the browser's online event joins it rather than asking for a second visitor. */
  let booting = false;
  /** Bumped by drop(): a conversation start answered after it belongs to an earlier visitor. */
  let gen = 0;
  let attempt = 0;
  /** Hellos on this conversation's connection: each one after the first is a reconnect. */
  let hellos = 0;
  let open = false;
  let hidden = false;
  let status: ConnStatus = 'connecting';
  let notice: string | null = null;
  let hasMore = false;
  /** The latest page not reported yet (navigations before the session exists). */
  let page: Page | undefined;
  /** The offline form was sent (shows the confirmation until the panel closes). */
  let offlineSent = false;
  /** Conversation rated during this page view (shows "Thanks"). */
  let thanked: string | undefined;
  let upload: View['upload'] = null;
  let editing: View['editing'] = null;
  let unreadSeen = 0;
  let bootTimer: ReturnType<typeof setTimeout> | undefined;
  let noticeTimer: typeof bootTimer;
  let typingTimer: typeof bootTimer;

  const sess = createSession(
    api,
    site,
    key('token'),
    // challenge: Cloudflare's script is fetched only for a new visitor of a site that requires Turnstile (turnstile.ts).
    async () => cfg?.turnstileSiteKey && challenge(cfg.turnstileSiteKey),
    // renew, on a 401:
    () => session(),
    // blocked:
    () => (clearTimeout(bootTimer), refused()),
  );

  /** Replaces the conversation state, persisting the outbox when the log changed. */
  const set = (next: ConvState) => {
    if (next.log !== st.log) save(key('outbox'), S.serializeOutbox(next.log));
    st = next;
  };
  const setLog = (log: S.ChatState) => set({ ...st, log });

  /** Notifies the UI and the page (unread count), and marks messages read while visible. */
  const changed = () => {
    markRead();
    const n = S.unreadCount(st.log, st.readSeq);
    if (n !== unreadSeen) events.emit('unread', (unreadSeen = n));
    for (const f of listeners) f();
  };
  const setStatus = (s: ConnStatus) => ((status = s), changed());
  /** Shows a notice (auto-hidden after 10 s), or hides it (null). */
  const showNotice = (code: string | null): void => {
    notice = code;
    clearTimeout(noticeTimer);
    if (code) noticeTimer = setTimeout(() => showNotice(null), 10000);
    changed();
  };
  const fail = (e: unknown) => (showNotice(apiError(e)?.code || 'error'), false as const);

  /** Whether the page is shown (a hidden tab reads nothing and checks nothing). */
  const visible = () => document.visibilityState != 'hidden';
  /** Where the visitor is now (the referrer only matters for the session's landing page). */
  const here = (referrer?: boolean): Page =>
    clip({ url: location.href, title: document.title, referrer: referrer ? document.referrer : undefined });

  /** Creates the session, then loads history and connects (or sends a queued outbox); retries with backoff. */
  async function boot(): Promise<void> {
    clearTimeout(bootTimer);
    // Nothing (a network coming back, identify) changes a site's refusal of this page: only a reload after the fix does.
    if (pageRefused(sess.denied)) return;
    booting = true;
    try {
      await session();
      booted = true;
      reportPage();
      const conv = st.conv;
      if (conv) {
        await loadHistory(conv);
        connect();
        // A refused start (rate_limited...) already failed the outbox, with its notice: nothing to retry here.
      } else if (st.log.pending.length) await ensureConversation().catch((e) => refusal(e) || Promise.reject(e));
      else setStatus('online');
      attempt = 0;
    } catch (e) {
      // A reset or identify came meanwhile and boots again itself.
      if (e === STALE) return;
      // Too many sessions from this network: say so (the backoff retries), rather than "offline".
      if (apiError(e)?.code == 'rate_limited') showNotice('rate_limited');
      retryBoot();
    } finally {
      booting = false;
    }
  }

  /** Marks the widget offline and boots again after a backoff, unless the server refused for good. */
  function retryBoot(): void {
    booted = false;
    setStatus('offline');
    clearTimeout(bootTimer);
    if (sess.denied) {
      refused();
      return;
    }
    bootTimer = setTimeout(boot, backoff(attempt++));
  }

  /** A refusal no retry can change: no more retries, of the boot nor of the socket (identify() boots again). */
  function refused(): void {
    conn?.stop();
    conn = undefined;
    explain(sess.denied, site);
    changed();
  }

  /** POST /session; when it answers with another visitor (identify, reset, refused token), the old conversation is dropped. */
  async function session(): Promise<void> {
    const p = here(true);
    // A continuation link: this device becomes the link's visitor, in its conversation (its own outbox is dropped).
    // A refused link (expired, used elsewhere) says so, and the device goes on as itself.
    const r = await (cont
      ? sess.exchange(cont, p).then(
          (x) => (drop(true), x),
          (e) => (refusal(e) ? (showNotice(apiError(e)!.code), sess.open(p)) : Promise.reject(e)),
        )
      : sess.open(p));
    cont = undefined;
    // The session carried the current page: a queued report of the same page is done.
    if (page?.url == p.url && page.title == p.title) page = undefined;
    if (r.availability && cfg) cfg = { ...cfg, availability: r.availability };
    if (visitor && visitor.id !== r.visitor.id) {
      drop();
      setTimeout(boot);
    }
    visitor = r.visitor;
    convs = r.conversations;
    if (!st.conv && r.conversations[0]) set(adopt(st, r.conversations[0]));
    changed();
  }

  /** Forgets the conversation, socket and messages (the outbox stays unless `all`). */
  function drop(all?: boolean): void {
    conn?.stop();
    conn = creating = undefined;
    gen++;
    set(emptyConv(all ? [] : st.log.pending));
    hasMore = false;
  }

  /** Reports a navigation; before the session exists only the latest one is kept, and boot sends it. */
  function reportPage(p?: Page): void {
    if (p) page = p;
    const q = page;
    if (!q || !booted) return;
    page = undefined;
    // Best effort: a lost report is corrected by the next navigation or session.
    sess.authed((t) => api.page(t, q)).catch(() => undefined);
  }

  /** Creates the conversation (once, even when called concurrently) and connects; `body` carries pre-chat or offline details. */
  function ensureConversation(body?: StartBody): Promise<void> {
    if (st.conv) return Promise.resolve(connect());
    if (creating) return creating;
    const g = gen;
    const p: Promise<void> = sess
      .authed((t) => api.startConversation(t, { ...body, clientKey: ck }))
      .then(
        (conv) => {
          // Dropped meanwhile (reset, another visitor): not this visitor's conversation.
          if (g != gen) return;
          convs = [conv, ...convs.filter((c) => c.id != conv.id)];
          set(adopt(st, conv));
          connect();
          changed();
        },
        (e) => {
          const code = apiError(e)?.code;
          // A refusal (rate_limited...) shows, and fails the outbox (Retry buttons): the lazy start has no form to show it.
          if (code && refusal(e) && g == gen) setLog(S.failAll(st.log, code));
          if (code && g == gen) showNotice(code);
          throw e;
        },
      )
      .finally(() => creating == p && (creating = undefined));
    return (creating = p);
  }

  /** Loads a page of history (the newest, or the one before `before`). */
  async function loadHistory(conv: Conversation, before?: number): Promise<void> {
    const p = await sess.authed((t) => api.history(t, conv.id, before));
    if (st.conv?.id !== conv.id) return;
    const held = S.firstSeq(st.log);
    setLog(S.mergeMessages(st.log, p.messages).state);
    // Older pages held (a reconnect looked at the latest page again): they know whether more come before.
    if (before || !held || (p.messages[0]?.seq ?? 0) <= held) hasMore = p.hasMore;
    changed();
  }

  /** Opens the self-healing socket to the current conversation (once). */
  function connect(): void {
    // No conversation: dropped while its history loaded (a reset); the next boot connects.
    if (conn || !st.conv) return;
    hellos = 0;
    conn = createConnection<ServerFrame>(
      async (fresh) => {
        // A refused upgrade looks like any failed socket: the session says whether the refusal is for good.
        if (fresh) await session().catch((e) => (sess.denied && refused(), Promise.reject(e)));
        const conv = st.conv;
        // Nothing to dial yet: the machine backs off (the reason is not shown anywhere, so the Error carries none).
        if (!conv || !sess.token) throw Error();
        // Resume after the highest seq we hold, and since the last hello: the server replays the gap and the messages
        // edited or deleted meanwhile; mergeMessages drops duplicates.
        const url = `${base.replace(/^http/, 'ws')}/api/widget/conversations/${encodeURIComponent(conv.id)}/ws?after=${S.lastSeq(st.log)}&since=${resumeSince(st.log.messages, st.at)}`;
        return [url, [SUBPROTOCOL, BEARER_PREFIX + sess.token]];
      },
      onFrame,
      onStateChange,
    );
    conn.start();
  }

  /** The indicator from the machine's state (client/status.ts); a 4403 close blocks. */
  function onStateChange(s: ConnState, code?: number): void {
    if (code == BLOCKED_CLOSE) sess.block();
    // Stopped by us (a new visitor, a refusal): the next connection or the refusal says what to show.
    else if (s != 'stopped') setStatus(toStatus(s, status));
  }

  /** Applies a frame, then runs its effect. */
  function onFrame(f: ServerFrame): void {
    const [state, e] = applyFrame(st, f);
    set(state);
    if (e?.type == 'flush') {
      outbox.flush();
      // The resume replays new seqs and changed messages, but a message that came over REST meanwhile (an upload)
      // moved the resume point past a reply the socket never brought: the latest page fills that gap.
      if (hellos++ && st.conv) loadHistory(st.conv).catch(() => undefined);
    } else if (e?.type == 'reply') {
      beep();
      const m = e.message;
      events.emit('message', { id: m.id, body: m.body, sender: { ...m.sender }, createdAt: m.createdAt });
    } else if (e?.type == 'typing') {
      clearTimeout(typingTimer);
      // A lost "typing off" must not leave the indicator on forever.
      if (e.on) typingTimer = setTimeout(() => (set({ ...st, typing: null }), changed()), TYPING_TIMEOUT_MS);
    } else if (e?.type == 'notice') showNotice(e.code);
    else if (e) {
      sess.block();
      return;
    }
    changed();
  }

  /** Sends one pending message: then 'sending'; false when the socket is not ready ('queued' for the next hello). */
  const push = (p: S.Pending): boolean => {
    const ok = !!conn?.send({ type: 'send', clientId: p.clientId, body: p.body, kind: 'text' });
    setLog(S.setPending(st.log, p.clientId, ok ? 'sending' : 'queued'));
    return ok;
  };
  const outbox = createOutbox(() => st.log, push);

  /** Sends `read` up to the newest seq while the panel is open and the page visible. */
  function markRead(): void {
    if (!open || hidden || !visible() || !S.unreadCount(st.log, st.readSeq)) return;
    const seq = S.lastSeq(st.log);
    if (conn?.send({ type: 'read', seq })) st = { ...st, readSeq: seq };
  }

  /** Starts a conversation that never started (refused) again, or boots again after a network failure. */
  const restart = () => ensureConversation().catch((e) => refusal(e) || retryBoot());

  return {
    /** The page's events (Parley('on')). */
    events,

    /** Starts the session, the page tracking and the availability checks; resolves after the first boot attempt. */
    start(): Promise<void> {
      started = true;
      // The browser's word on the network: boot again, or retry the socket now instead of waiting out its backoff.
      addEventListener('online', () => (booted ? conn?.wake() : booting || boot()));
      addEventListener('offline', () => conn?.lost());
      // Visible again: read receipts, and a link that may have died while the page slept is checked at once.
      document.addEventListener('visibilitychange', () => (changed(), visible() && conn?.wake()));
      trackPages(
        history,
        (t, f) => addEventListener(t, f),
        () => here(),
        reportPage,
      );
      // Settings and availability again every 60 s while the page is visible and the site does not refuse it.
      setInterval(() => {
        if (!visible() || sess.denied) return;
        api.config(site).then(
          (c) => ((cfg = c), apply?.(c), changed()),
          () => undefined,
        );
      }, 60000);
      return boot();
    },

    /** Subscribes to changes; returns the unsubscribe function. */
    subscribe(f: () => void): () => void {
      listeners.add(f);
      return () => listeners.delete(f);
    },

    /** The snapshot the components render: built fresh, reads only. */
    view(): View {
      const s = cfg?.settings;
      const avail = cfg?.availability || null;
      const preChat = s?.preChat || 'off';
      const u = sess.user;
      const conv = st.conv;
      const known = !!((u?.name && u.email) || (visitor?.name && visitor.email));
      return {
        // conv, typing and agentReadSeq as the frames left them (log and readSeq ride along, unread by components).
        ...st,
        open,
        // A site that refuses this page (origin not allowed, unknown site key) shows no widget at all.
        hidden: hidden || pageRefused(sess.denied),
        // offline 'hide': no button while nobody can answer, unless the panel is open (never yank a chat away).
        noLauncher: s?.offline === 'hide' && !available(avail) && !open,
        status,
        items: S.toItems(st.log),
        unread: S.unreadCount(st.log, st.readSeq),
        notice,
        hasMore,
        title: own(s?.title, strings.title),
        greeting: own(s?.greeting, strings.greeting),
        preChat,
        avail,
        mode: modeOf(sess.denied, offlineSent, !conv && !st.log.pending.length, avail, preChat, known),
        denied: sess.denied,
        csat: csatOf(conv, !!conv && !!load(key('rated:' + conv.id)), thanked),
        upload,
        editing,
        email: visitor?.email || conv?.visitor?.email || null,
        cid: conv?.id,
        // The list of conversations is offered once there is more than one, or a new one may start (never to a session
        // a link opened: it lists its one conversation and starts none).
        many: !sess.linked && (convs.length > 1 || conv?.status == 'resolved' || conv?.status == 'closed'),
      };
    },

    /** Opens or closes the panel (no argument: toggles); opening marks agent messages read. */
    open(o = !open): void {
      if (o === open) return;
      open = o;
      // The offline form's confirmation lasts until the panel closes; reopening shows the conversation.
      if (!o) offlineSent = false;
      events.emit(o ? 'open' : 'close');
      changed();
    },

    /** Hides or shows the whole widget (Parley('hide'/'show')). */
    hide(h: boolean): void {
      hidden = h;
      changed();
    },

    /** Renders again (a new language). */
    refresh: changed,

    /** Shows a notice, or dismisses it (null). */
    notice: showNotice,

    /** Queues a message and sends it as soon as possible; false when empty or too long. */
    send(body: string): boolean {
      const text = body.trim();
      if (!text || text.length > BODY_MAX) return false;
      // Editing: the edit frame instead (its refusal comes back as an error frame, shown as a notice).
      if (editing) {
        if (!conn?.send({ type: 'edit', clientId: uuid(), messageId: editing.id, body: text })) return false;
        editing = null;
        changed();
        return true;
      }
      const p: S.Pending = { clientId: uuid(), body: text, createdAt: new Date().toISOString(), state: 'queued' };
      setLog(S.addPending(st.log, p));
      // Without a conversation yet, create it lazily; before the session exists, boot() picks the outbox up.
      if (st.conv) outbox.add(p);
      // A refusal (rate_limited...) marks it failed with a Retry button: no retry loop; a network failure boots again.
      else if (booted) restart();
      changed();
      return true;
    },

    /** Starts editing one's own message (the composer takes its text), or stops (no id). */
    edit(id?: string): void {
      const m = st.log.messages.find((x) => x.id == id);
      editing = m ? { id: m.id, body: m.body } : null;
      changed();
    },

    /** The visitor started (again) or stopped typing (the composer debounces: typing.ts). */
    typing: (on: boolean) => void conn?.send({ type: 'typing', on }),

    /** Retries a failed message (push queues it again, or sends it at once). */
    retry(clientId: string): void {
      const p = st.log.pending.find((x) => x.clientId == clientId);
      if (p?.state != 'failed') return;
      push(p);
      // Its conversation never started (refused): start it now; the hello sends the outbox.
      if (!st.conv) restart();
      changed();
    },

    /** Loads the page of history before the oldest message shown. */
    loadOlder(): void {
      const first = S.firstSeq(st.log);
      if (first && st.conv) loadHistory(st.conv, first).catch(() => undefined);
    },

    /** Starts the conversation with the pre-chat details (or an offline message); true on success. */
    begin: (body: StartBody): Promise<boolean> =>
      ensureConversation(body).then(() => {
        offlineSent = !!body.message;
        changed();
        return true;
      }, fail),

    /** Sends the CSAT rating of the current conversation; true once rated. */
    rate(score: number, comment?: string): Promise<boolean> {
      const conv = st.conv;
      if (!conv) return Promise.resolve(false);
      const done = () => {
        save(key('rated:' + conv.id), '1');
        thanked = conv.id;
        changed();
        return true;
      };
      return sess
        .authed((t) => api.rate(t, conv.id, score, comment || undefined))
        .then((next) => (set(adopt(st, next)), done()))
        .catch((e) => (apiError(e)?.code == 'already_rated' ? done() : fail(e)));
    },

    /** Emails the transcript of the (resolved) conversation: the address it went to, or false (the reason shown as a notice). */
    transcript: (email?: string): Promise<string | false> =>
      sess.authed((t) => api.transcript(t, st.conv!.id, email)).then((r) => r.to, fail),

    /** Emails the visitor a link to continue on another device: the address it went to, or false (with a notice). */
    link: (): Promise<string | false> => sess.authed((t) => api.link(t, st.conv!.id)).then((r) => r.to, fail),

    /** The visitor's conversations, fresh from the server (newest first). */
    list: (): Promise<Conversation[]> => sess.authed((t) => api.list(t)),

    /** Opens another of the visitor's conversations: its history, its socket. */
    pick(c: Conversation): void {
      if (c.id == st.conv?.id) return;
      drop(true);
      set(adopt(st, c));
      loadHistory(c).catch(() => undefined);
      connect();
      changed();
    },

    /** Leaves the (resolved or closed) conversation: the next message starts a new one, under a new clientKey. */
    fresh(): void {
      drop(true);
      ck = uuid();
      changed();
    },

    /** Checks and uploads a file (creating the conversation first if needed), with progress in view().upload. */
    async upload(file: File): Promise<void> {
      const bad = checkFile(file);
      if (bad) return showNotice(bad);
      if (upload) return;
      const progress = (pct: number) => ((upload = { name: file.name, pct }), changed());
      progress(0);
      try {
        await ensureConversation();
        const id = st.conv!.id;
        const m = await sess.authed((t) => api.upload(t, id, file, (f) => progress(Math.round(f * 100))));
        // The same message also arrives as a frame; merging by seq keeps one.
        setLog(S.mergeMessages(st.log, [m]).state);
      } catch (e) {
        fail(e);
      }
      upload = null;
      changed();
    },

    /** An object URL of an attachment, fetched once with the bearer token (an <img src> cannot carry it). */
    file(url: string): Promise<string> {
      let p = blobs.get(url);
      if (!p) {
        p = sess.authed((t) => api.file(t, url)).then((b) => URL.createObjectURL(b));
        p.catch(() => blobs.delete(url));
        blobs.set(url, p);
      }
      return p;
    },

    /** A help-center read with the visitor's token (renewed on a 401): used by the on-demand help chunk. */
    kb: <T>(path: string): Promise<T> => sess.authed((t) => api.kb<T>(t, path)),

    /** Parley('identify'): (re)creates the session as this verified user. */
    identify(u: { userId?: unknown; userHash?: unknown; email?: unknown; name?: unknown }): void {
      if (!u?.userId) {
        console.warn('[parley] identify needs userId and userHash');
        return;
      }
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      const user: User = {
        id: String(u.userId),
        hash: String(u.userHash || ''),
        email: str(u.email),
        name: str(u.name),
      };
      const same = JSON.stringify(user) === JSON.stringify(sess.user);
      if (!same) sess.identify(user);
      // Before start(), boot sends the user anyway; after it (even while the first session is on its way, whose
      // answer is then dropped) a new user boots again; the same user again needs nothing (unless refused).
      if ((started && !same) || sess.denied) void boot();
    },

    /** Parley('reset'): forgets the visitor (logout): token, outbox, socket; then a new anonymous session. */
    reset(): void {
      drop(true);
      sess.forget();
      visitor = undefined;
      offlineSent = booted = false;
      // Before start() (a queued call), start's own boot opens the new session: two would make two visitors.
      if (started) void boot();
    },
  };
}

/** What the components may call. */
export type Actions = Pick<
  Chat,
  | 'open'
  | 'notice'
  | 'send'
  | 'edit'
  | 'typing'
  | 'retry'
  | 'loadOlder'
  | 'begin'
  | 'rate'
  | 'transcript'
  | 'upload'
  | 'file'
  | 'kb'
  | 'link'
  | 'list'
  | 'pick'
  | 'fresh'
>;
