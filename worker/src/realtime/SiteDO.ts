import { DurableObject } from 'cloudflare:workers';
import { type AgentStatus, type PresenceAgent, SiteClientFrame, type SiteEvent, type SiteServerFrame } from '../protocol';
import { LIMITS, PING_FRAME, PONG_FRAME, SUBPROTOCOL } from '../protocol/limits';
import { frameTooLarge } from '../conversations/parse-frame';
import { getDb } from '../db/client';
import { AssignmentLedger, chooseAgent } from './assignment';
import { departmentRoster } from './queries';
import { readIdentity, type SocketIdentity } from './upgrade';

/** What each console socket carries through hibernation. */
type Attachment = SocketIdentity & { status: AgentStatus };

/** How long events are gathered before one send per socket (the hotspot of a busy site). */
const COALESCE_MS = 75;

/**
 * One site: the agents' console sockets, their presence, and the fan-out of site-wide
 * events that ConversationDOs publish. A slow SiteDO must never slow a visitor's
 * message, so publishers fire and forget and events are coalesced here.
 */
export class SiteDO extends DurableObject<Env> {
  #queue: SiteEvent[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #ledger: AssignmentLedger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#ledger = new AssignmentLedger(ctx.storage.sql);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  /** An agent's console socket, authorised by the worker. */
  async fetch(request: Request): Promise<Response> {
    const who = readIdentity(request);
    if (!who || who.role !== 'agent') return new Response('Forbidden', { status: 403 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, ['agent']);
    server.serializeAttachment({ ...who, status: 'online' } satisfies Attachment);
    const siteId = new URL(request.url).pathname.split('/')[3] ?? '';
    this.#send(server, { type: 'hello', you: { role: 'agent', id: who.id }, siteId });
    this.#broadcastPresence();
    return new Response(null, { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': SUBPROTOCOL } });
  }

  /**
   * RPC: who gets a new conversation of this department, or null (it then waits for
   * anyone). Race-free: after the roster is loaded, choosing and recording the choice
   * happen without an await, so concurrent calls see each other's assignments.
   */
  async autoAssign(req: { conversationId: string; departmentId: string }): Promise<{ id: string; name: string } | null> {
    const roster = await departmentRoster(getDb(this.env.DB), req.departmentId);
    if (!roster.autoAssign) return null;
    const online = new Set(this.#presence().filter((a) => a.status === 'online').map((a) => a.id));
    const agent = chooseAgent(roster.agents, online, (id) => this.#ledger.load(id), (id) => this.#ledger.lastAssigned(id));
    if (!agent) return null;
    this.#ledger.reserve(req.conversationId, agent.id);
    return { id: agent.id, name: agent.name };
  }

  /** RPC from ConversationDOs: queue an event for every console of the site. */
  async publish(event: SiteEvent) {
    this.#ledger.track(event.conversation);
    // A later snapshot of the same conversation replaces an earlier one still queued.
    if (event.type === 'conversation.updated') {
      this.#queue = this.#queue.filter((e) => !(e.type === 'conversation.updated' && e.conversation.id === event.conversation.id));
    }
    this.#queue.push(event);
    // A short timer, not an alarm: it only lives while events flow, and the object
    // cannot hibernate in that window anyway because a publish just woke it.
    this.#timer ??= setTimeout(() => this.#flushQueue(), COALESCE_MS);
  }

  /** RPC: who is connected right now (an agent with no open console is offline). */
  async presence(): Promise<PresenceAgent[]> {
    return this.#presence();
  }

  async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    // Size before JSON.parse, as on conversation sockets.
    if (frameTooLarge(data)) return this.#send(ws, { type: 'error', code: 'too_large', message: `Frames are limited to ${LIMITS.frameMax} bytes` });
    let parsed;
    try { parsed = SiteClientFrame.safeParse(JSON.parse(typeof data === 'string' ? data : '')); } catch { parsed = null; }
    if (!parsed?.success) return this.#send(ws, { type: 'error', code: 'bad_request', message: 'Expected {"type":"status","status":"online"|"away"|"busy"}' });
    const who = ws.deserializeAttachment() as Attachment;
    ws.serializeAttachment({ ...who, status: parsed.data.status });
    this.#broadcastPresence();
  }

  async webSocketClose(ws: WebSocket, code: number, reason: string) {
    try { ws.close(code === 1005 ? 1000 : code, reason); } catch { /* already closed */ }
    this.#broadcastPresence(ws);
  }

  async webSocketError(ws: WebSocket) {
    this.#broadcastPresence(ws);
  }

  #flushQueue() {
    this.#timer = null;
    const events = this.#queue;
    this.#queue = [];
    const texts = events.map((e) => JSON.stringify(e));
    for (const ws of this.ctx.getWebSockets('agent')) {
      for (const text of texts) {
        try { ws.send(text); } catch { /* closing socket */ }
      }
    }
  }

  #presence(except?: WebSocket): PresenceAgent[] {
    const rank: Record<AgentStatus, number> = { online: 3, busy: 2, away: 1 };
    const byId = new Map<string, PresenceAgent>();
    for (const ws of this.ctx.getWebSockets('agent')) {
      if (ws === except || ws.readyState > 1) continue;
      const a = ws.deserializeAttachment() as Attachment;
      const prev = byId.get(a.id);
      if (!prev || rank[a.status] > rank[prev.status]) byId.set(a.id, { id: a.id, name: a.name ?? '', status: a.status });
    }
    return [...byId.values()];
  }

  #broadcastPresence(except?: WebSocket) {
    const frame = JSON.stringify({ type: 'presence', agents: this.#presence(except) } satisfies SiteServerFrame);
    for (const ws of this.ctx.getWebSockets('agent')) {
      if (ws === except) continue;
      try { ws.send(frame); } catch { /* closing socket */ }
    }
  }

  #send(ws: WebSocket, frame: SiteServerFrame) {
    try { ws.send(JSON.stringify(frame)); } catch { /* closing socket */ }
  }
}
