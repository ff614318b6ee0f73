import { DurableObject } from 'cloudflare:workers';
import type {
  Conversation,
  EditFrame,
  FrameErrorCode,
  HistoryQuery,
  Message,
  MessageRevision,
  ServerFrame,
  SiteEvent,
} from '../../../protocol';
import { count } from '../dev/counters';
import { toVisitorConversation, toVisitorFrame } from '../../../protocol/visitor';
import { BLOCKED_CLOSE, CHAT_UNAVAILABLE, CHAT_UNAVAILABLE_FRAME } from '../../../protocol/blocks';
import { Since } from '../../../protocol/frames';
import { PING_FRAME, PONG_FRAME, REVOKED_CLOSE, SUBPROTOCOL } from '../../../protocol/limits';
import { relayName } from '../realtime/RelayDO';
import { SocketHub } from '../realtime/hub';
import { readIdentity, type SocketIdentity } from '../realtime/upgrade';
import type { Editor } from './edit-rules';
import { decide, implicitTransition, type LifecycleAction } from './lifecycle';
import { FrameLimits } from './frame-limits';
import { parseClientFrame } from './parse-frame';
import { sendUnreadEmail } from './unread-email';
import { Schedule } from './schedule';
import { type PublishKind, SitePublisher } from './site-publisher';
import { type ConversationMeta, type ConversationPatch, ConversationStore } from './store';
import { type DoResult, done, refused } from '../lib/do-result';
import { log } from '../lib/log';
import { type ProjectedState, projectedState } from '../webhooks';

/** Storage key of what the last D1 projection had of the fields webhooks compare (webhooks/diff.ts). */
const PROJECTED_KEY = 'webhooks.projected';

/** What each socket carries through hibernation; `bad` counts its bad frames (realtime/hub.ts). */
type Attachment = SocketIdentity & { bad?: number };

/** The refusal of every call on an object that holds no conversation. */
const NOT_FOUND = refused('not_found', 'Conversation not found');

/** "24 hours", "90 minutes": the idle time in a system message. */
const formatIdle = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000} hours` : `${Math.round(ms / 60_000)} minutes`;

/** A frame as JSON in the view of one side; null when that side never gets it (a note, for a visitor). */
function serialise(frame: ServerFrame, role: 'agent' | 'visitor'): string | null {
  if (role === 'agent') return JSON.stringify(frame);
  const view = toVisitorFrame(frame);
  return view && JSON.stringify(view);
}

/**
 * How long messages and read markers gather before one D1 write (issue 10: the inbox and search reflect a
 * message within 2 s). Lifecycle changes and agents' edits are written at once. The batch is a job of the
 * durable schedule, so an eviction before it runs loses nothing: the alarm still fires.
 */
const PROJECTION_BATCH_MS = 1_000;

/**
 * One conversation: its messages in its own SQLite (the source of truth), its sockets
 * (hibernatable), its read/typing state, and its D1 projection through an outbox.
 */
export class ConversationDO extends DurableObject<Env> {
  #store: ConversationStore;
  #schedule: Schedule;
  /** Visitor messages wait their turn here: each asks the visitor's budget (an await) before its commit. */
  #visitorQueue: Promise<unknown> = Promise.resolve();
  #flushing: Promise<void> | null = null;
  #flushAgain = false;
  /** The site never changes; kept to spare a meta read per relay call. */
  #siteId: string | null = null;
  /** An urgent change asked for a flush: write D1 directly rather than through the relay's window. */
  #flushDirect = false;
  /** PROJECTED_KEY's value (undefined: not read since this object woke). */
  #projected: ProjectedState | null | undefined;
  /** The visitor view (without rev) last sent to visitors, to send them nothing when only agents' fields changed. */
  #lastVisitorView: string | null = null;
  /** Typing relays and history replays per sender. */
  #frames = new FrameLimits();
  /** Site events, coalesced per window (site-publisher.ts). */
  #publisher = new SitePublisher((kind) => this.#publishNow(kind));
  /** The sockets, tagged by role: 'agent' or 'visitor'. */
  #hub: SocketHub<Attachment>;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#store = new ConversationStore(ctx.storage);
    this.#schedule = new Schedule(ctx.storage);
    this.#hub = new SocketHub<Attachment>(ctx, { object: 'ConversationDO', idKey: 'conversationId' });
    // Answered by the runtime itself: pings never wake a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ---- RPC from the worker ----

  /** Take ownership of a new conversation and announce it to the site's consoles. */
  async init(meta: ConversationMeta): Promise<Conversation> {
    this.#store.init(meta);
    this.#schedule.ensure('expiry', Date.parse(meta.createdAt) + meta.idleMs);
    const conversation = this.#store.snapshot();
    this.#publish({ type: 'conversation.created', conversation });
    // The caller writes this snapshot to D1: it is what later projections' webhooks compare with.
    this.#projected = projectedState(conversation);
    void this.ctx.storage.put(PROJECTED_KEY, this.#projected);
    return conversation;
  }

  /** A lifecycle action (claim, assign, transfer, resolve, close, reopen); refused ones change nothing. */
  async act(action: LifecycleAction): Promise<DoResult<Conversation>> {
    const meta = this.#store.meta();
    if (!meta) return NOT_FOUND;
    const t = decide(meta, action);
    if ('error' in t) return refused(t.error, t.message);
    const messages = this.#store.transition(t);
    for (const m of messages) this.#broadcast({ type: 'message', message: m }, m.kind === 'note' ? 'agent' : undefined);
    if (t.stamp === 'reopened') this.#schedule.ensure('expiry', Date.now() + meta.idleMs);
    return done(this.#changed({ urgent: true }) ?? this.#store.snapshot());
  }

  /**
   * A deactivated agent: close their sockets here at once (4003), and if they hold this
   * open conversation, put it back in the queue. The conversation when requeued, else null.
   */
  async releaseAgent(agent: { id: string; name: string }): Promise<Conversation | null> {
    for (const ws of this.#hub.sockets('agent')) {
      if (this.#hub.attachment(ws)?.id === agent.id) this.#hub.close(ws, REVOKED_CLOSE, 'Agent deactivated');
    }
    const result = await this.act({ type: 'release', agent });
    return result.ok ? result.value : null;
  }

  /**
   * The visitor was blocked: their sockets here get the chat_unavailable frame and close with 4403 (the widget
   * stops; no reconnect); agents' sockets stay. Returns how many were closed.
   */
  async refuseVisitor(): Promise<number> {
    const sockets = this.#hub.sockets('visitor');
    for (const ws of sockets) {
      this.#hub.send(ws, CHAT_UNAVAILABLE_FRAME);
      this.#hub.close(ws, BLOCKED_CLOSE, CHAT_UNAVAILABLE);
    }
    return sockets.length;
  }

  /**
   * A message that arrives over REST rather than a socket: the offline form's first
   * message, a file, or an agent's or API token's message. Visitors are rate limited as on the socket, unless the
   * caller (the VisitorDO, which keeps the budget) already `charged` them. An agent's message with a `clientId`
   * already stored is answered with the stored one; `claim: false` (API tokens) never claims the conversation.
   */
  async post(
    who: { role: 'visitor' | 'agent'; id: string; name: string | null },
    m: Pick<Message, 'kind' | 'body' | 'file' | 'clientId'>,
    opts: { charged?: boolean; claim?: boolean } = {},
  ): Promise<DoResult<Message>> {
    if (!this.#store.meta()) return NOT_FOUND;
    if (who.role === 'agent') {
      const stored = m.clientId ? this.#store.findByClientId('agent', who.id, m.clientId) : null;
      // A retry is the same message; another message under a used key is refused, as idempotency keys are elsewhere
      // (an edited or deleted copy no longer shows what was sent, so any body is taken for a retry of it).
      if (stored && (stored.kind !== m.kind || (!stored.editedAt && !stored.deletedAt && stored.body !== m.body)))
        return refused('conflict', 'This clientId was already used for another message');
      return done(stored ?? this.#commit(who, m, undefined, opts.claim ?? true));
    }
    return this.#visitorTurn(async () => {
      if (!opts.charged && !(await this.#charge(who.id)))
        return refused('rate_limited', 'You are sending messages too fast');
      return done(this.#commit(who, m));
    });
  }

  /** An agent deletes their own message: everyone sees it replaced (same id and seq, empty body, deletedAt). */
  async deleteMessage(
    agentId: string,
    messageId: string,
  ): Promise<DoResult<{ message: Message; fileKey: string | null }>> {
    const result = this.#store.deleteMessage(agentId, messageId);
    if (result === 'not_found') return refused('not_found', 'Message not found');
    if (result === 'not_yours') return refused('not_your_message', 'You can only delete your own messages');
    const { message, removedFile } = result;
    this.#broadcast({ type: 'message', message }, message.kind === 'note' ? 'agent' : undefined);
    this.#changed({ frame: true, urgent: false });
    return done({ message, fileKey: removedFile ? `${this.#store.meta()!.id}/${removedFile.id}` : null });
  }

  /**
   * An author edits their own message (the `edit` frame, or REST for agents; rules in edit-rules.ts): everyone sees
   * it replaced (same id and seq, the new body, editedAt); the body it replaced is kept for agents (`revisions`).
   * A visitor's edit costs a token of their message budget and waits its turn behind their sends.
   */
  async editMessage(who: Editor, messageId: string, body: string): Promise<DoResult<Message>> {
    if (!this.#store.meta()) return NOT_FOUND;
    if (who.role === 'agent') return this.#edit(who, messageId, body);
    return this.#visitorTurn(async () =>
      (await this.#charge(who.id))
        ? this.#edit(who, messageId, body)
        : refused('rate_limited', 'You are sending messages too fast'),
    );
  }

  /** The bodies edits replaced, oldest first: for agents only (the worker's route checks the workspace). */
  async revisions(messageId: string): Promise<DoResult<MessageRevision[]>> {
    if (!this.#store.meta()) return NOT_FOUND;
    const list = this.#store.revisions(messageId);
    return list ? done(list) : refused('not_found', 'Message not found');
  }

  /**
   * Erase the conversation's words for a data subject request (docs/privacy.md; store.ts `erase`). A D1 write
   * still in flight (it may carry the old text) is awaited first, so nothing older can land in D1 afterwards.
   * Open sockets see every message emptied. Safe to run again; an object without a conversation erases nothing.
   */
  async erase(): Promise<{ messages: number }> {
    if (!this.#store.meta()) return { messages: 0 };
    while (this.#flushing) await this.#flushing;
    const erased = this.#store.erase(new Date().toISOString());
    for (const message of erased)
      this.#broadcast({ type: 'message', message }, message.kind === 'note' ? 'agent' : undefined);
    this.#changed({ urgent: true });
    // A visitor socket keeps the name it connected with: closed, its tab reconnects as the anonymised row says.
    for (const ws of this.#hub.sockets('visitor')) this.#hub.close(ws, 1012, 'Erased: reconnect');
    log.info('conversation.erased', { conversationId: this.ctx.id.name, messages: erased.length });
    return { messages: erased.length };
  }

  /** The visitor's CSAT rating, once, after the conversation was resolved. */
  async rate(score: number, comment: string | null): Promise<DoResult<Conversation>> {
    if (!this.#store.meta()) return NOT_FOUND;
    const result = this.#store.rate(score, comment);
    if (result === 'already_rated') return refused(result, 'This conversation was already rated');
    if (result === 'not_resolved') return refused(result, 'Only resolved conversations can be rated');
    return done(this.#changed({ urgent: true }) ?? this.#store.snapshot());
  }

  /** Edit priority, tags, notes or department. */
  async update(patch: ConversationPatch): Promise<DoResult<Conversation>> {
    if (!this.#store.meta()) return NOT_FOUND;
    return done(
      this.#store.update(patch) ? (this.#changed({ urgent: true }) ?? this.#store.snapshot()) : this.#store.snapshot(),
    );
  }

  /** One page of history, oldest first; notes only for agents. */
  async history(q: HistoryQuery & { viewer: 'visitor' | 'agent' }) {
    return this.#store.page(q);
  }

  /** Archive or restore, then tell every socket and the site. */
  async setArchived(archived: boolean): Promise<DoResult<Conversation>> {
    if (!this.#store.meta()) return NOT_FOUND;
    return done(
      this.#store.setArchived(archived)
        ? (this.#changed({ urgent: true }) ?? this.#store.snapshot())
        : this.#store.snapshot(),
    );
  }

  /** Rows this object's SQLite has read since it started: for the tests and the bench that keep per-message work O(1). */
  async rowsRead(): Promise<number> {
    return this.#store.rowsRead;
  }

  // ---- sockets ----

  /** A WebSocket upgrade the worker has already authorised (identity in a header it set). */
  async fetch(request: Request): Promise<Response> {
    const who = readIdentity(request);
    const meta = this.#store.meta();
    if (!who) return new Response('Forbidden', { status: 403 });
    if (!meta)
      return Response.json({ error: { code: 'not_found', message: 'Conversation not found' } }, { status: 404 });
    const allowed = who.role === 'visitor' ? meta.visitor.id === who.id : meta.workspaceId === who.workspaceId;
    if (!allowed)
      return Response.json({ error: { code: 'forbidden', message: 'Not your conversation' } }, { status: 403 });

    const { 0: client, 1: server } = new WebSocketPair();
    this.#hub.accept(server, [who.role], { ...who, bad: 0 });
    const conversation = this.#store.snapshot();
    // A visitor's lastSeq is the last message they can see: a note after it stays unknown.
    const lastSeq =
      who.role === 'agent'
        ? conversation.lastSeq
        : (this.#store.page({ limit: 1, viewer: 'visitor' }).messages[0]?.seq ?? 0);
    if (who.role === 'visitor') this.#visitorViewChanged(conversation);
    const at = new Date().toISOString();
    this.#send(server, { type: 'hello', conversation, lastSeq, you: { role: who.role, id: who.id }, at });
    const params = new URL(request.url).searchParams;
    const after = Number(params.get('after'));
    if (Number.isInteger(after) && after >= 0 && params.has('after'))
      this.#replay(server, who.role, after, Since.safeParse(params.get('since')).data ?? null);
    return new Response(null, { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': SUBPROTOCOL } });
  }

  // Guarded (realtime/hub.ts): an exception becomes an error frame for this socket, never an error in the runtime;
  // a frame still in flight when we closed the socket (blocked visitor, deactivated agent, bad frames) is dropped.
  async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    await this.#hub.guard('webSocketMessage', ws, () => this.#onFrame(ws, data), data);
  }

  async #onFrame(ws: WebSocket, data: string | ArrayBuffer) {
    const who = this.#hub.attachment(ws)!;
    const parsed = parseClientFrame(data);
    if (!parsed.ok) return this.#hub.refuse(ws, parsed.error);
    const frame = parsed.frame;
    switch (frame.type) {
      case 'send':
        return this.#onSend(ws, who, frame);
      case 'edit':
        return this.#onEdit(ws, who, frame);
      case 'typing': {
        // Beyond the budget a typing frame is dropped: the other side's indicator expires by itself.
        if (!this.#frames.typing(`${who.role}:${who.id}`, frame.on)) return;
        const sender = { type: who.role, id: who.id, ...(who.name ? { name: who.name } : {}) };
        return this.#broadcast({ type: 'typing', sender, on: frame.on }, who.role === 'visitor' ? 'agent' : 'visitor');
      }
      case 'read': {
        const seq = this.#store.markRead(who.role, frame.seq);
        if (seq === null) return;
        this.#broadcast({ type: 'read', by: who.role, seq });
        return void this.#changed({ frame: false, urgent: false });
      }
      case 'resume': {
        if (!this.#frames.resume(`${who.role}:${who.id}`)) {
          return this.#send(ws, { type: 'error', code: 'rate_limited', message: 'Too many resumes, slow down' });
        }
        return this.#replay(ws, who.role, frame.afterSeq, frame.since ?? null);
      }
    }
  }

  async webSocketClose(ws: WebSocket, code: number, reason: string) {
    // Complete the close handshake (the runtime may already have done so); reserved codes are never echoed.
    await this.#hub.guard('webSocketClose', ws, () => this.#hub.closed(ws, code, reason));
  }

  async webSocketError(ws: WebSocket) {
    await this.#hub.guard('webSocketError', ws, () => this.#hub.close(ws, 1011, 'error'));
  }

  /** Runs due jobs: retrying the D1 projection, closing an idle conversation. */
  async alarm() {
    for (const job of this.#schedule.due()) {
      try {
        if (job === 'projection') await this.#flush();
        if (job === 'expiry') await this.#expire();
        if (job === 'unread_email') await this.#emailUnread();
      } catch (err) {
        // Logged, then rethrown: the runtime retries a failed alarm (with backoff).
        log.error('alarm.failed', { conversationId: this.ctx.id.name, job, error: err });
        throw err;
      }
    }
    this.#schedule.rearm();
  }

  // ---- internals ----

  #edit(who: Editor, messageId: string, body: string): DoResult<Message> {
    const result = this.#store.editMessage(who, messageId, body, Date.now());
    if ('code' in result) return refused(result.code, result.message);
    const { message, changed } = result;
    if (!changed) return done(message);
    this.#broadcast({ type: 'message', message }, message.kind === 'note' ? 'agent' : undefined);
    log.info('message.edited', { conversationId: this.ctx.id.name, messageId, seq: message.seq, sender: who.role });
    // Like a deletion: the inbox preview may change (an agents' field), so a snapshot frame and a batched projection.
    this.#changed({ frame: true, urgent: false });
    return done(message);
  }

  async #onEdit(ws: WebSocket, who: Attachment, frame: EditFrame) {
    const result = await this.editMessage({ role: who.role, id: who.id }, frame.messageId, frame.body);
    if (!result.ok) {
      const { code, message } = result.error;
      this.#send(ws, { type: 'error', code: code as FrameErrorCode, message, clientId: frame.clientId });
    }
  }

  #onSend(
    ws: WebSocket,
    who: Attachment,
    frame: { clientId: string; body: string; kind: 'text' | 'note'; claim?: boolean },
  ) {
    if (frame.kind === 'note' && who.role !== 'agent') {
      return this.#hub.refuse(ws, {
        type: 'error',
        code: 'forbidden',
        message: 'Only agents write notes',
        clientId: frame.clientId,
      });
    }
    const m = { clientId: frame.clientId, kind: frame.kind, body: frame.body };
    // A retry of a stored message is answered with the same ack and stores nothing.
    const acked = () => {
      const existing = this.#store.findByClientId(who.role, who.id, frame.clientId);
      if (existing) this.#send(ws, { type: 'ack', clientId: frame.clientId, id: existing.id, seq: existing.seq });
      return !!existing;
    };
    // Agents never wait behind visitors' budget checks.
    if (who.role === 'agent') {
      if (!acked()) this.#commit(who, m, ws, frame.claim ?? true);
      return;
    }
    // Inside the turn, so a retry that arrives while the first is still pending gets the same ack.
    return this.#visitorTurn(async () => {
      if (acked()) return;
      if (!(await this.#charge(who.id))) {
        return this.#send(ws, {
          type: 'error',
          code: 'rate_limited',
          message: 'You are sending messages too fast',
          clientId: frame.clientId,
        });
      }
      this.#commit(who, m, ws);
    });
  }

  /** Runs `f` after every earlier visitor message: keeps their order exact across the budget's await. */
  #visitorTurn<T>(f: () => Promise<T>): Promise<T> {
    const run = this.#visitorQueue.then(f);
    this.#visitorQueue = run.catch(() => undefined);
    return run;
  }

  /** One token of the visitor's budget across all their conversations (an RPC to their VisitorDO). */
  async #charge(visitorId: string): Promise<boolean> {
    try {
      return await this.env.VISITORS.getByName(visitorId).takeMessage();
    } catch (err) {
      // Refused, not lost: the client keeps the message and retries it with the same clientId.
      log.warn('budget.unavailable', { conversationId: this.ctx.id.name, error: err });
      return false;
    }
  }

  /**
   * Store one message and tell everyone, synchronously before any await: seq order is
   * commit order, and the output gate holds the ack and broadcasts until the write is
   * durable. A visitor writing to a resolved or closed conversation reopens it; an agent
   * replying to a waiting, unassigned one claims it (unless the send said `claim: false`).
   */
  #commit(
    who: { role: 'visitor' | 'agent'; id: string; name: string | null },
    m: Pick<Message, 'clientId' | 'kind' | 'body' | 'file'>,
    ws?: WebSocket,
    claim = true,
  ): Message {
    const meta = this.#store.meta()!;
    const t = implicitTransition(meta, who, m.kind, claim);
    const { message, changed, stateChanged } = this.#store.append(
      {
        ...m,
        sender: { type: who.role, id: who.id, ...(who.name ? { name: who.name } : {}) },
      },
      t,
      meta.archived,
    );
    for (const c of changed) this.#broadcast({ type: 'message', message: c });
    if (ws && m.clientId) this.#send(ws, { type: 'ack', clientId: m.clientId, id: message.id, seq: message.seq });
    this.#broadcast({ type: 'message', message }, message.kind === 'note' ? 'agent' : undefined);
    if (changed.length) this.#schedule.ensure('expiry', Date.now() + meta.idleMs);
    // An agent's reply the visitor may not see: email it if still unread after the site's delay.
    if (who.role === 'agent' && (message.kind === 'text' || message.kind === 'file'))
      this.#schedule.ensure('unread_email', Date.now() + meta.emailDelayMs);
    count('messages');
    log.info('message.committed', {
      conversationId: meta.id,
      messageId: message.id,
      seq: message.seq,
      kind: message.kind,
      sender: who.role,
    });
    // A plain message is batched (D1) and coalesced (site); one that changed the state goes out at once.
    this.#changed({ frame: stateChanged, urgent: stateChanged });
    return message;
  }

  /** The unread-reply email job; a provider failure is retried with backoff and loses nothing. */
  async #emailUnread() {
    try {
      await sendUnreadEmail(this.env, this.#store, this.#store.snapshot());
      this.#schedule.done('unread_email');
    } catch (err) {
      log.warn('email.retry', {
        conversationId: this.ctx.id.name,
        job: 'unread_email',
        ...this.#schedule.retry('unread_email'),
        error: err,
      });
    }
  }

  /** The expiry job: close the conversation once it has been idle for its idle time. */
  async #expire() {
    const meta = this.#store.meta();
    if (!meta || meta.status === 'closed') return this.#schedule.done('expiry');
    const due = Date.parse(meta.lastActivityAt) + meta.idleMs;
    // Activity since the job was set: come back when the conversation has really been idle that long.
    if (Date.now() < due) return this.#schedule.at('expiry', due);
    this.#schedule.done('expiry');
    await this.act({ type: 'close', by: null, reason: `Closed after ${formatIdle(meta.idleMs)} without activity` });
  }

  /**
   * After any state change: tell the sockets (`frame`: a `conversation` frame, which needs a snapshot), the
   * site (coalesced: a delta, or the whole copy when `urgent`), and D1 (at once when `urgent`, else batched).
   * Returns the snapshot when the frame needed one (a plain message builds none here).
   */
  #changed(opts: { frame?: boolean; urgent?: boolean }): Conversation | null {
    const urgent = opts.urgent ?? true;
    let conversation: Conversation | null = null;
    if (opts.frame ?? true) {
      conversation = this.#store.snapshot();
      this.#broadcast({ type: 'conversation', conversation }, 'agent');
      // Agent-only changes (notes, tags, priority, archive, a deleted note) send visitors nothing at all.
      if (this.#visitorViewChanged(conversation)) this.#broadcast({ type: 'conversation', conversation }, 'visitor');
    }
    if (urgent) {
      this.#flushDirect = true;
      this.ctx.waitUntil(this.#flush());
    } else this.#schedule.ensure('projection', Date.now() + PROJECTION_BATCH_MS);
    this.#publisher.note(urgent ? 'full' : 'delta');
    return conversation;
  }

  /** The coalesced site event: one snapshot for everything in the window. */
  #publishNow(kind: PublishKind) {
    if (kind === 'full') return this.#publish({ type: 'conversation.updated', conversation: this.#store.snapshot() });
    this.#publish({ type: 'conversation.delta', delta: this.#store.delta() });
  }

  /**
   * Push the outbox to D1, one statement per chunk; on failure leave it for the alarm (with backoff).
   * Changes that arrive during the write wait for their own batch (rescheduled), unless one was urgent.
   */
  #flush(): Promise<void> {
    if (this.#flushing) {
      this.#flushAgain = true;
      return this.#flushing;
    }
    this.#flushing = (async () => {
      try {
        let more = false;
        do {
          this.#flushAgain = false;
          const pending = this.#store.pendingProjection();
          if (!pending) break;
          const snapshot = this.#store.snapshot();
          const direct = this.#flushDirect;
          this.#flushDirect = false;
          // Batched changes ride with other conversations' in the relay's next D1 statement (it answers once
          // D1 has them, and the webhooks listening, if any, their events); an urgent one closes the window at once.
          if (this.#projected === undefined)
            this.#projected = (await this.ctx.storage.get<ProjectedState>(PROJECTED_KEY)) ?? null;
          const result = await this.#relay(snapshot.id).project(snapshot, pending.messages, direct, this.#projected);
          if (!result.ok) throw new Error(result.error.message);
          // Written only when one of those fields changed (not per message).
          const state = projectedState(snapshot);
          if (JSON.stringify(state) !== JSON.stringify(this.#projected)) {
            this.#projected = state;
            void this.ctx.storage.put(PROJECTED_KEY, state);
          }
          this.#store.clearOutbox(pending.upTo);
          more = pending.more;
        } while (this.#flushAgain || more);
        if (this.#store.hasPendingProjection()) this.#schedule.at('projection', Date.now() + PROJECTION_BATCH_MS);
        else {
          const failed = this.#schedule.failures('projection');
          if (failed) log.info('projection.recovered', { conversationId: this.ctx.id.name, attempt: failed + 1 });
          this.#schedule.done('projection');
        }
      } catch (err) {
        log.warn('projection.failed', {
          conversationId: this.ctx.id.name,
          ...this.#schedule.retry('projection'),
          error: err,
        });
      } finally {
        this.#flushing = null;
      }
    })();
    return this.#flushing;
  }

  /** Site-wide events must never delay or fail a visitor's message: fire and forget. */
  #publish(event: SiteEvent) {
    const about = event.type === 'conversation.delta' ? event.delta : event.conversation;
    this.ctx.waitUntil(
      this.#relay(about.id)
        .publish(about.siteId, event)
        .catch((err: unknown) => {
          log.warn('site_event.dropped', { conversationId: about.id, error: err });
        }),
    );
  }

  /** The site relay this conversation's events and batched projections go through (realtime/RelayDO.ts). */
  #relay(conversationId: string) {
    this.#siteId ??= this.#store.meta()!.siteId;
    return this.env.RELAYS.getByName(relayName(this.#siteId, conversationId));
  }

  /** The messages after afterSeq, and those edited or deleted since `since` (a hello's `at`; docs/protocol.md). */
  #replay(ws: WebSocket, role: 'visitor' | 'agent', afterSeq: number, since: string | null) {
    for (const message of this.#store.after(afterSeq, role, since)) this.#send(ws, { type: 'message', message });
  }

  /**
   * True when what visitors see of the conversation changed since they were last told (rev
   * aside). Kept in memory: after a wake-up the first change is sent anyway, which is harmless.
   */
  #visitorViewChanged(conversation: Conversation): boolean {
    const { rev: _rev, ...view } = toVisitorConversation(conversation);
    const text = JSON.stringify(view);
    if (text === this.#lastVisitorView) return false;
    this.#lastVisitorView = text;
    return true;
  }

  /**
   * Send a frame to every socket (or one side): agents get the full view, visitors the
   * visitor view (docs/protocol.md). Each view is serialised once per broadcast.
   */
  #broadcast(frame: ServerFrame, only?: 'visitor' | 'agent') {
    for (const role of only ? [only] : (['agent', 'visitor'] as const)) {
      const text = this.#hub.sockets(role).length ? serialise(frame, role) : null;
      if (text) this.#hub.broadcast(role, text);
    }
  }

  /** Send one frame to one socket, in the view of the socket's role (its tag). */
  #send(ws: WebSocket, frame: ServerFrame) {
    const text = serialise(frame, this.#hub.tagged(ws, 'agent') ? 'agent' : 'visitor');
    if (text) this.#hub.send(ws, text);
  }
}
