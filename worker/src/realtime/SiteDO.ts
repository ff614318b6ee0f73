import { DurableObject } from 'cloudflare:workers';
import {
  type AgentStatus,
  type PresenceAgent,
  SiteClientFrame,
  type SiteEvent,
  type SiteScope,
  type SiteServerFrame,
} from '../../../protocol';
import { LIMITS, PING_FRAME, PONG_FRAME, REVOKED_CLOSE, SUBPROTOCOL } from '../../../protocol/limits';
import { frameTooLarge } from '../conversations/parse-frame';
import { getDb } from '../db/client';
import { count } from '../dev/counters';
import { AgentSockets } from './agent-sockets';
import { AssignmentLedger, chooseAgent } from './assignment';
import { FanoutBatch } from './fanout';
import { SocketHub } from './hub';
import { HEARTBEAT_CHECK_MS, isSilent, lastHeard } from './liveness';
import { departmentRoster } from './queries';
import { RecentEvents, SiteEventQueue } from './site-queue';
import { readIdentity, type SocketIdentity } from './upgrade';

/**
 * What each console socket carries through hibernation; `seenAt` is when its last frame arrived (ms), `scope`
 * which deltas it wants (none sent yet: every delta), `bad` how many bad frames it sent (realtime/hub.ts).
 */
type Attachment = SocketIdentity & { status: AgentStatus; seenAt: number; scope?: SiteScope; bad?: number };

/** What a site socket may send (the answer to any other frame). */
const BAD_FRAME =
  'Expected {"type":"status","status":"online"|"away"|"busy"} or {"type":"scope","assignee":"all"|"me"|"unassigned","status"?}';

/** How long events are gathered before one send per socket (the hotspot of a busy site). */
const COALESCE_MS = 100;

/**
 * One site: the agents' console sockets, their presence, and the fan-out of site-wide
 * events that ConversationDOs publish. A slow SiteDO must never slow a visitor's
 * message, so publishers fire and forget and events are coalesced here.
 */
export class SiteDO extends DurableObject<Env> {
  #queue = new SiteEventQueue();
  #recent = new RecentEvents();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #ledger: AssignmentLedger;
  #agentSockets: AgentSockets;
  /** The console sockets, all tagged 'agent'. */
  #hub: SocketHub<Attachment>;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#ledger = new AssignmentLedger(ctx.storage.sql);
    this.#agentSockets = new AgentSockets(ctx.storage.sql);
    this.#hub = new SocketHub<Attachment>(ctx, { object: 'SiteDO', idKey: 'siteId' });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  /** An agent's console socket, authorised by the worker. */
  async fetch(request: Request): Promise<Response> {
    const who = readIdentity(request);
    if (who?.role !== 'agent') return new Response('Forbidden', { status: 403 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.#hub.accept(server, ['agent'], { ...who, status: 'online', seenAt: Date.now(), bad: 0 });
    await this.#armHeartbeat();
    const siteId = new URL(request.url).pathname.split('/')[3] ?? '';
    this.#send(server, { type: 'hello', you: { role: 'agent', id: who.id }, siteId });
    // What was sent in the last seconds, so a change the console's D1 list does not show yet is not lost to it.
    const recent = this.#recent.current(Date.now());
    const replay = recent.length ? new FanoutBatch(recent).frameFor(undefined, who.id) : null;
    if (replay) this.#hub.send(server, replay);
    this.#broadcastPresence();
    return new Response(null, { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': SUBPROTOCOL } });
  }

  /**
   * RPC: who gets a new conversation of this department, or null (it then waits for
   * anyone). Race-free: after the roster is loaded, choosing and recording the choice
   * happen without an await, so concurrent calls see each other's assignments.
   */
  async autoAssign(req: {
    conversationId: string;
    departmentId: string;
  }): Promise<{ id: string; name: string } | null> {
    count('site.calls');
    const roster = await departmentRoster(getDb(this.env.DB), req.departmentId);
    if (!roster.autoAssign) return null;
    const online = new Set(
      this.#presence()
        .filter((a) => a.status === 'online')
        .map((a) => a.id),
    );
    const agent = chooseAgent(
      roster.agents,
      online,
      (id) => this.#ledger.load(id),
      (id) => this.#ledger.lastAssigned(id),
    );
    if (!agent) return null;
    this.#ledger.reserve(req.conversationId, agent.id);
    return { id: agent.id, name: agent.name };
  }

  /**
   * RPC from the site's relays (RelayDO: a batch per window, each conversation already coalesced at its
   * source): queue events for every console of the site. Nothing is stored per message: the ledger writes
   * only when a conversation changes hands.
   */
  async publish(events: SiteEvent[]) {
    count('site.calls');
    for (const event of events) {
      this.#ledger.track(event.type === 'conversation.delta' ? event.delta : event.conversation);
      this.#queue.push(event);
    }
    // A short timer, not an alarm: it only lives while events flow, and the object
    // cannot hibernate in that window anyway because a publish just woke it.
    this.#timer ??= setTimeout(() => this.#flushQueue(), COALESCE_MS);
  }

  /** RPC: who is connected right now (an agent with no open console is offline). */
  async presence(): Promise<PresenceAgent[]> {
    count('site.calls');
    return this.#presence();
  }

  /** RPC from the worker: an agent opens a socket on one of this site's conversations. */
  async agentSocketOpened(agentId: string, conversationId: string) {
    count('site.calls');
    this.#agentSockets.opened(agentId, conversationId);
  }

  /**
   * RPC: a deactivated agent. Their console sockets close at once (4003, so presence
   * and auto-assignment drop them); returns the conversations they may have sockets on
   * or hold, for the caller to close and requeue.
   */
  async disconnectAgent(agentId: string): Promise<string[]> {
    count('site.calls');
    let closed = false;
    for (const ws of this.#hub.sockets('agent')) {
      if (this.#hub.attachment(ws)?.id !== agentId) continue;
      this.#hub.close(ws, REVOKED_CLOSE, 'Agent deactivated');
      closed = true;
    }
    // Closed sockets are CLOSING now, which presence leaves out.
    if (closed) this.#broadcastPresence();
    return [...new Set([...this.#agentSockets.take(agentId), ...this.#ledger.heldBy(agentId)])];
  }

  // Guarded (realtime/hub.ts): an exception becomes an error frame for this socket, never an error in the runtime.
  async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    await this.#hub.guard('webSocketMessage', ws, () => this.#onFrame(ws, data), data);
  }

  async #onFrame(ws: WebSocket, data: string | ArrayBuffer) {
    // Any frame proves the console is alive (pings are answered by the runtime and timestamped there).
    const who = { ...this.#hub.attachment(ws)!, seenAt: Date.now() };
    this.#hub.attach(ws, who);
    // Size before JSON.parse, as on conversation sockets; bad frames count as there too (the hub's one policy).
    if (frameTooLarge(data)) return this.#refuse(ws, 'too_large', `Frames are limited to ${LIMITS.frameMax} bytes`);
    let parsed: ReturnType<typeof SiteClientFrame.safeParse> | null;
    try {
      parsed = SiteClientFrame.safeParse(JSON.parse(typeof data === 'string' ? data : ''));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return this.#refuse(ws, 'bad_request', BAD_FRAME);
    const frame = parsed.data;
    if (frame.type === 'scope')
      return this.#hub.attach(ws, {
        ...who,
        scope: { assignee: frame.assignee, ...(frame.status ? { status: frame.status } : {}) },
      });
    this.#hub.attach(ws, { ...who, status: frame.status });
    this.#broadcastPresence();
  }

  async webSocketClose(ws: WebSocket, code: number, reason: string) {
    await this.#hub.guard('webSocketClose', ws, () => {
      this.#hub.closed(ws, code, reason);
      this.#broadcastPresence(ws);
    });
  }

  async webSocketError(ws: WebSocket) {
    await this.#hub.guard('webSocketError', ws, () => this.#broadcastPresence(ws));
  }

  /** The heartbeat check: close consoles that went silent (a sleeping laptop sends no close frame). */
  async alarm() {
    await this.sweep(Date.now());
    if (this.#hub.sockets('agent').some((ws) => ws.readyState <= 1)) await this.#armHeartbeat();
  }

  /** Close every silent console socket and tell the others; returns how many were closed. */
  async sweep(now: number): Promise<number> {
    const silent = this.#hub.sockets('agent').filter((ws) => ws.readyState <= 1 && this.#silent(ws, now));
    for (const ws of silent) this.#hub.close(ws, 4008, 'heartbeat timeout');
    if (silent.length) this.#broadcastPresence();
    return silent.length;
  }

  #silent(ws: WebSocket, now = Date.now()) {
    const a = this.#hub.attachment(ws)!;
    return isSilent(lastHeard(a.seenAt ?? 0, this.ctx.getWebSocketAutoResponseTimestamp(ws)), now);
  }

  async #armHeartbeat() {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + HEARTBEAT_CHECK_MS);
  }

  /** One `events` frame per console socket for what it wants of everything queued (each event serialised once). */
  #flushQueue() {
    this.#timer = null;
    const events = this.#queue.take();
    if (!events.length) return;
    this.#recent.add(events, Date.now());
    const batch = new FanoutBatch(events);
    // Defensive about a missing attachment: a throw here (in a timer) would stop the fan-out for every socket.
    count(
      'site.frames',
      this.#hub.broadcast('agent', (a) => batch.frameFor(a?.scope, a?.id ?? '')),
    );
  }

  #presence(except?: WebSocket): PresenceAgent[] {
    const rank: Record<AgentStatus, number> = { online: 3, busy: 2, away: 1 };
    const byId = new Map<string, PresenceAgent>();
    for (const ws of this.#hub.sockets('agent')) {
      // A silent socket counts as gone even before the alarm closes it: never assign to a sleeping laptop.
      if (ws === except || ws.readyState > 1 || this.#silent(ws)) continue;
      const a = this.#hub.attachment(ws)!;
      const prev = byId.get(a.id);
      if (!prev || rank[a.status] > rank[prev.status])
        byId.set(a.id, { id: a.id, name: a.name ?? '', status: a.status });
    }
    return [...byId.values()];
  }

  #broadcastPresence(except?: WebSocket) {
    const frame = JSON.stringify({ type: 'presence', agents: this.#presence(except) } satisfies SiteServerFrame);
    count('site.frames', this.#hub.broadcast('agent', frame, except));
  }

  #send(ws: WebSocket, frame: SiteServerFrame) {
    count('site.frames');
    this.#hub.send(ws, JSON.stringify(frame));
  }

  /** A bad console frame: answered and counted like a bad conversation frame (closes after too many). */
  #refuse(ws: WebSocket, code: 'bad_request' | 'too_large', message: string) {
    count('site.frames');
    this.#hub.refuse(ws, { type: 'error', code, message });
  }
}
