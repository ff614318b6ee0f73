import { z } from 'zod';
import type { FrameErrorCode } from './errors';
import { LIMITS } from './limits';
import { AgentStatus, type Conversation, ConversationStatus, type Message, type Sender } from './models';

/** `send`: a new message; a retried clientId gets the same ack and stores nothing. */
export const SendFrame = z.object({
  type: z.literal('send'),
  clientId: z.string().min(1).max(LIMITS.clientIdMax),
  body: z.string(),
  kind: z.enum(['text', 'note']).default('text'),
  /** Agents only: false keeps a waiting, unassigned conversation unclaimed by this reply (default: the reply claims it). */
  claim: z.boolean().optional(),
});
/** `typing`: this side started or stopped typing. */
export const TypingFrame = z.object({ type: z.literal('typing'), on: z.boolean() });
/** `read`: everything up to seq was seen by this side. */
export const ReadFrame = z.object({ type: z.literal('read'), seq: z.number().int().nonnegative() });
/**
 * A server time the client saw (the `at` of its last hello): a resume with it also replays the messages it holds
 * that were edited or deleted at or after it (docs/protocol.md "Connecting").
 */
export const Since = z.iso.datetime();
/** `resume`: replay every message after afterSeq (and with `since` every one changed since then), then continue live. */
export const ResumeFrame = z.object({
  type: z.literal('resume'),
  afterSeq: z.number().int().nonnegative(),
  since: Since.optional(),
});

/**
 * `edit`: replace the body of one's own message (docs/protocol.md "Editing"); answered by the `message` frame with
 * the same id and seq, the new body and `editedAt` (to both sides), or an `error` frame carrying the clientId.
 */
export const EditFrame = z.object({
  type: z.literal('edit'),
  clientId: z.string().min(1).max(LIMITS.clientIdMax),
  messageId: z.string().min(1).max(100),
  body: z.string(),
});
export type EditFrame = z.infer<typeof EditFrame>;

/** Every frame a client may send to a conversation socket (ping is answered by auto-response). */
export const ClientFrame = z.discriminatedUnion('type', [SendFrame, TypingFrame, ReadFrame, ResumeFrame, EditFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;
export type SendFrame = z.infer<typeof SendFrame>;

/** Frames a conversation socket sends. */
export type ServerFrame =
  | {
      type: 'hello';
      conversation: Conversation;
      lastSeq: number;
      you: { role: 'visitor' | 'agent'; id: string };
      /** The server's time at the hello: the `since` of the next resume (every later change reaches this socket). */
      at: string;
    }
  | { type: 'ack'; clientId: string; id: string; seq: number }
  | { type: 'message'; message: Message }
  | { type: 'typing'; sender: Sender; on: boolean }
  | { type: 'read'; by: 'visitor' | 'agent'; seq: number }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'error'; code: FrameErrorCode; message: string; clientId?: string }
  | { type: 'pong' };

/** Agent to site socket: set one's own status. */
export const StatusFrame = z.object({ type: z.literal('status'), status: AgentStatus });
/**
 * Agent to site socket: which conversations' deltas this console can use (its inbox view). Whole copies are
 * always sent; a socket that never sent a scope gets every delta (docs/protocol.md).
 */
export const ScopeFrame = z.object({
  type: z.literal('scope'),
  assignee: z.enum(['all', 'me', 'unassigned']),
  status: ConversationStatus.optional(),
});
export type ScopeFrame = z.infer<typeof ScopeFrame>;
/** A site socket's scope: the scope frame without its type. */
export type SiteScope = Omit<ScopeFrame, 'type'>;
/** Every frame an agent may send to the site socket. */
export const SiteClientFrame = z.discriminatedUnion('type', [StatusFrame, ScopeFrame]);
export type SiteClientFrame = z.infer<typeof SiteClientFrame>;

/** One agent in a presence frame. */
export type PresenceAgent = { id: string; name: string; status: AgentStatus };

import type { ConversationDelta } from './delta';
export { type ConversationDelta, DELTA_FIELDS, pickDelta } from './delta';

/**
 * Site-wide events, published by ConversationDOs (at most one per conversation per coalescing window)
 * and fanned out by the SiteDO in `events` frames.
 */
export type SiteEvent =
  | { type: 'conversation.created'; conversation: Conversation }
  | { type: 'conversation.updated'; conversation: Conversation }
  | { type: 'conversation.delta'; delta: ConversationDelta };

/** Frames a site socket sends. */
export type SiteServerFrame =
  | { type: 'hello'; you: { role: 'agent'; id: string }; siteId: string }
  | { type: 'events'; events: SiteEvent[] }
  | { type: 'presence'; agents: PresenceAgent[] }
  | { type: 'error'; code: FrameErrorCode; message: string; clientId?: string }
  | { type: 'pong' };
