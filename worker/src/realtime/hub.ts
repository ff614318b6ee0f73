import { LIMITS } from '../../../protocol/limits';
import type { FrameErrorCode } from '../../../protocol';
import { log } from '../lib/log';
import { closeReason, reciprocalCloseCode, sendableCloseCode } from './close-codes';
import { peekClientId } from './peek';

/** The error frame both socket kinds send (conversation and site sockets alike). */
export type ErrorFrame = { type: 'error'; code: FrameErrorCode; message: string; clientId?: string };

/** What the hub keeps in every socket's attachment besides the object's own fields: the bad frames so far. */
export type HubAttachment = { bad?: number };

/** The object a hub serves, named in its logs: ConversationDO by conversationId, SiteDO by siteId. */
export type HubOwner = { object: 'ConversationDO' | 'SiteDO'; idKey: 'conversationId' | 'siteId' };

/** The socket callbacks a Durable Object runs through the hub's guard. */
export type SocketCallback = 'webSocketMessage' | 'webSocketClose' | 'webSocketError';

/**
 * The socket plumbing both Durable Objects share (hibernatable sockets, docs/architecture.md "Socket hub"): accept
 * with tags and an attachment, sends that never throw, broadcast by tag, guarded callbacks, quiet closes and one
 * bad-frame policy. Each object keeps its own decisions: what a frame means, who hears what.
 */
export class SocketHub<A extends HubAttachment> {
  readonly #ctx: DurableObjectState;
  readonly #owner: HubOwner;

  constructor(ctx: DurableObjectState, owner: HubOwner) {
    this.#ctx = ctx;
    this.#owner = owner;
  }

  /** Accept a socket under its tags (a role), with what it carries through hibernation (at most 16 KiB). */
  accept(ws: WebSocket, tags: string[], attachment: A) {
    this.#ctx.acceptWebSocket(ws, tags);
    ws.serializeAttachment(attachment);
  }

  /** The socket's attachment; null for a socket accepted without one. */
  attachment(ws: WebSocket): A | null {
    return ws.deserializeAttachment() as A | null;
  }

  /** Replace the socket's attachment. */
  attach(ws: WebSocket, attachment: A) {
    ws.serializeAttachment(attachment);
  }

  /** The accepted sockets with this tag (all of them without one), open or closing. */
  sockets(tag?: string): WebSocket[] {
    return this.#ctx.getWebSockets(tag);
  }

  /** Whether the socket was accepted with this tag. */
  tagged(ws: WebSocket, tag: string): boolean {
    return this.#ctx.getTags(ws).includes(tag);
  }

  /** Send to one socket; false when it is closing or gone (a send never throws to the caller). */
  send(ws: WebSocket, text: string): boolean {
    try {
      ws.send(text);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Send to every socket with the tag but `except` (a sender that must not hear itself). `text` is one string for
   * all, or one per socket from its attachment (null: nothing for that socket). Returns how many were sent.
   */
  broadcast(tag: string, text: string | ((attachment: A | null) => string | null), except?: WebSocket): number {
    let sent = 0;
    for (const ws of this.#ctx.getWebSockets(tag)) {
      if (ws === except) continue;
      const out = typeof text === 'string' ? text : text(this.attachment(ws));
      if (out !== null && this.send(ws, out)) sent++;
    }
    return sent;
  }

  /** Close quietly: a code the runtime would refuse becomes 1000, the reason is cut to fit, a closed socket is left. */
  close(ws: WebSocket, code: number, reason: string) {
    try {
      ws.close(sendableCloseCode(code) ? code : 1000, closeReason(reason));
    } catch {
      /* already closed */
    }
  }

  /** Complete the peer's close handshake (webSocketClose), never echoing a reserved code (1005, 1006, 1015). */
  closed(ws: WebSocket, code: number, reason: string) {
    const answer = reciprocalCloseCode(code);
    if (answer !== null) this.close(ws, answer, reason);
  }

  /**
   * Answer a bad frame with its error and count it against the socket: after LIMITS.badFramesBeforeClose the
   * socket closes with 1008. One policy for every socket kind.
   */
  refuse(ws: WebSocket, error: ErrorFrame) {
    this.send(ws, JSON.stringify(error));
    const attachment = this.attachment(ws);
    if (!attachment) return this.close(ws, 1008, 'too many bad frames');
    attachment.bad = (attachment.bad ?? 0) + 1;
    ws.serializeAttachment(attachment);
    if (attachment.bad >= LIMITS.badFramesBeforeClose) this.close(ws, 1008, 'too many bad frames');
  }

  /**
   * Run a socket callback so that no exception reaches the runtime: it is logged with the object and callback,
   * and a frame that failed is answered with an `internal` error carrying its clientId (the socket stays open).
   * A frame arriving after the object closed the socket is not taken at all.
   */
  async guard(callback: SocketCallback, ws: WebSocket, run: () => unknown, data?: string | ArrayBuffer) {
    if (callback === 'webSocketMessage' && ws.readyState !== WebSocket.OPEN) return;
    try {
      await run();
    } catch (err) {
      const { object, idKey } = this.#owner;
      const id = this.#ctx.id.name;
      log.error('frame.failed', {
        object,
        callback,
        ...(idKey === 'siteId' ? { siteId: id } : { conversationId: id }),
        error: err,
      });
      if (callback !== 'webSocketMessage') return;
      const clientId = data === undefined ? undefined : peekClientId(data);
      const frame: ErrorFrame = {
        type: 'error',
        code: 'internal',
        message: 'The frame could not be handled',
        ...(clientId ? { clientId } : {}),
      };
      this.send(ws, JSON.stringify(frame));
    }
  }
}
