// The visitor's view: the only shapes that may reach a visitor (widget REST bodies, visitor
// socket frames, emails to visitors). Built by picking fields one by one, never by
// spreading the agent's view and deleting: a field added to Conversation or Message
// stays internal until someone adds it here. Schemas are strict so tests can prove it.
import { z } from 'zod';
import { FRAME_ERROR_CODES } from './errors';
import type { ServerFrame } from './frames';
import { type Conversation, ConversationStatus, type Message } from './models';

/** Who wrote a message, as a visitor sees it: the kind and a display name, never an id. */
export const VisitorSender = z.strictObject({
  type: z.enum(['visitor', 'agent', 'system']),
  name: z.string().optional(),
});
export type VisitorSender = z.infer<typeof VisitorSender>;

/** A message as a visitor sees it: never a note; clientId only on the visitor's own messages. */
export const VisitorMessage = z.strictObject({
  id: z.string(),
  seq: z.number().int().positive(),
  clientId: z.string().optional(),
  sender: VisitorSender,
  kind: z.enum(['text', 'system', 'file']),
  body: z.string(),
  createdAt: z.string(),
  deletedAt: z.string().optional(),
  /** Edited by its author: the visitor sees the new body and "edited", never the earlier ones. */
  editedAt: z.string().optional(),
  file: z
    .strictObject({ id: z.string(), name: z.string(), size: z.number(), type: z.string(), url: z.string() })
    .optional(),
});
export type VisitorMessage = z.infer<typeof VisitorMessage>;

/** A conversation as its visitor sees it (docs/protocol.md lists why each field is there). */
export const VisitorConversation = z.strictObject({
  id: z.string(),
  status: ConversationStatus,
  /** The agent's display name ("Ann is helping you"); never the agent's id. */
  assigneeName: z.string().nullable(),
  /** The visitor's own name and email, so the widget knows what pre-chat already has. */
  visitor: z.strictObject({ name: z.string().nullable(), email: z.string().nullable() }),
  rating: z.strictObject({ score: z.number().int(), comment: z.string().nullable(), at: z.string() }).nullable(),
  createdAt: z.string(),
  lastMessageAt: z.string().nullable(),
  /** The first characters of the last message the visitor can see (the widget's list of conversations). */
  lastMessagePreview: z.string().nullable(),
  visitorUnread: z.number().int(),
  visitorReadSeq: z.number().int(),
  /** How far agents have read: the visitor's "Read" receipts. */
  agentReadSeq: z.number().int(),
  /** Grows with every change: keep the copy with the highest rev. */
  rev: z.number().int(),
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

/** The codes of a visitor's error frames (protocol/errors.ts). */
const FrameErrorCode = z.enum(FRAME_ERROR_CODES);

/** Every frame a visitor socket may receive. */
export const VisitorServerFrame = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    conversation: VisitorConversation,
    lastSeq: z.number().int(),
    you: z.strictObject({ role: z.literal('visitor'), id: z.string() }),
    at: z.string(),
  }),
  z.strictObject({ type: z.literal('ack'), clientId: z.string(), id: z.string(), seq: z.number().int() }),
  z.strictObject({ type: z.literal('message'), message: VisitorMessage }),
  z.strictObject({ type: z.literal('typing'), sender: VisitorSender, on: z.boolean() }),
  z.strictObject({ type: z.literal('read'), by: z.enum(['visitor', 'agent']), seq: z.number().int() }),
  z.strictObject({ type: z.literal('conversation'), conversation: VisitorConversation }),
  z.strictObject({
    type: z.literal('error'),
    code: FrameErrorCode,
    message: z.string(),
    clientId: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('pong') }),
]);
export type VisitorServerFrame = z.infer<typeof VisitorServerFrame>;

/** The visitor's view of a conversation: an explicit pick of visitor-facing fields. */
export function toVisitorConversation(c: Conversation): VisitorConversation {
  return {
    id: c.id,
    status: c.status,
    assigneeName: c.assigneeName,
    visitor: { name: c.visitor?.name ?? null, email: c.visitor?.email ?? null },
    rating: c.rating ? { score: c.rating.score, comment: c.rating.comment, at: c.rating.at } : null,
    createdAt: c.createdAt,
    lastMessageAt: c.lastMessageAt,
    lastMessagePreview: c.lastMessagePreview,
    visitorUnread: c.visitorUnread,
    visitorReadSeq: c.visitorReadSeq,
    agentReadSeq: c.agentReadSeq,
    rev: c.rev,
  };
}

/** The visitor's view of a sender: no ids (an agent's id is internal; a visitor knows who they are). */
export const toVisitorSender = (s: Message['sender']): VisitorSender => ({
  type: s.type,
  ...(s.name ? { name: s.name } : {}),
});

/** The visitor's view of a message; null for a note, which a visitor never sees. */
export function toVisitorMessage(m: Message): VisitorMessage | null {
  if (m.kind === 'note') return null;
  const f = m.file;
  return {
    id: m.id,
    seq: m.seq,
    // The visitor matches their pending bubbles by clientId; anyone else's is internal.
    ...(m.clientId && m.sender.type === 'visitor' ? { clientId: m.clientId } : {}),
    sender: toVisitorSender(m.sender),
    kind: m.kind,
    body: m.body,
    createdAt: m.createdAt,
    ...(m.deletedAt ? { deletedAt: m.deletedAt } : {}),
    ...(m.editedAt ? { editedAt: m.editedAt } : {}),
    ...(f ? { file: { id: f.id, name: f.name, size: f.size, type: f.type, url: f.url } } : {}),
  };
}

/** Messages as a visitor sees them, notes left out. */
export const toVisitorMessages = (ms: readonly Message[]): VisitorMessage[] =>
  ms.flatMap((m) => {
    const v = toVisitorMessage(m);
    return v ? [v] : [];
  });

/** The visitor's view of a conversation socket frame; null when the frame is not for visitors at all. */
export function toVisitorFrame(f: ServerFrame): VisitorServerFrame | null {
  switch (f.type) {
    case 'hello':
      return {
        type: 'hello',
        conversation: toVisitorConversation(f.conversation),
        lastSeq: f.lastSeq,
        you: { role: 'visitor', id: f.you.id },
        at: f.at,
      };
    case 'ack':
      return { type: 'ack', clientId: f.clientId, id: f.id, seq: f.seq };
    case 'message': {
      const message = toVisitorMessage(f.message);
      return message && { type: 'message', message };
    }
    case 'typing':
      return { type: 'typing', sender: toVisitorSender(f.sender), on: f.on };
    case 'read':
      return { type: 'read', by: f.by, seq: f.seq };
    case 'conversation':
      return { type: 'conversation', conversation: toVisitorConversation(f.conversation) };
    case 'error':
      return { type: 'error', code: f.code, message: f.message, ...(f.clientId ? { clientId: f.clientId } : {}) };
    case 'pong':
      return { type: 'pong' };
  }
}
