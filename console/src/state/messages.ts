// The console's side of the shared message rules (client/messages.ts): an agent's pending message carries its
// kind, and an ack becomes the stored message at once (the broadcast copy then replaces it: newer copy wins).
import type { Message } from '../../../protocol';
import type { Pending } from '../../../client/messages';

/** A message this agent typed that the server has not acknowledged yet (states: client/messages.ts PendingState). */
export type PendingMessage = Pending & { kind: 'text' | 'note' };

/** Turns an acknowledged pending message into the stored message the server will also broadcast. */
export function messageFromAck(
  pending: PendingMessage,
  ack: { id: string; seq: number },
  author: { id: string; name: string },
): Message {
  return {
    id: ack.id,
    seq: ack.seq,
    clientId: pending.clientId,
    sender: { type: 'agent', id: author.id, name: author.name },
    kind: pending.kind,
    body: pending.body,
    createdAt: pending.createdAt,
  };
}
