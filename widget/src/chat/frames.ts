// What a frame from the conversation socket does to the chat, as a pure function: the new state, plus the effect the
// chat owner runs (timers, sounds, page events, the outbox). No socket, no timer, no DOM here: unit tested in node.
import type {
  VisitorConversation as Conversation,
  VisitorMessage as Message,
  VisitorServerFrame as ServerFrame,
} from '../../../protocol';
import * as S from './store';

/** The part of the chat that frames change. */
export type ConvState = {
  /** Confirmed messages and the visitor's pending ones. */
  log: S.ChatState;
  conv?: Conversation;
  /** How far the visitor has read (unread badge) and how far agents have (the "Read" receipts). */
  readSeq: number;
  agentReadSeq: number;
  /** The typing agent's name ('' when unnamed), or null. */
  typing: string | null;
  /** The server's time at the last hello: the `since` of the next resume (client/messages' resumeSince). */
  at?: string;
};

/** What the owner must do after a frame (one frame asks for one thing at most). */
export type Effect =
  /** hello: the socket is ready, send the outbox. */
  | { type: 'flush' }
  /** A new reply from an agent: beep and tell the page. */
  | { type: 'reply'; message: Message }
  /** An agent started (on) or stopped typing: arm or clear the expiry of the indicator. */
  | { type: 'typing'; on: boolean }
  /** A refusal to show (rate_limited, closed...). */
  | { type: 'notice'; code: string }
  /** A blocked visitor: stop for good and say chat is unavailable. */
  | { type: 'block' };

/** The state before anything is known, but for the visitor's pending messages (the outbox kept across reloads). */
export const emptyConv = (pending: readonly S.Pending[] = []): ConvState => ({
  log: { messages: [], pending },
  readSeq: 0,
  agentReadSeq: 0,
  typing: null,
});

/** Adopts the server's copy of the conversation (status, assignee, rating, read marks); another conversation's is ignored. */
export function adopt(s: ConvState, conv: Conversation): ConvState {
  if (s.conv && s.conv.id !== conv.id) return s;
  // Both marks are always in the server's copy (protocol Conversation); they only ever grow.
  return {
    ...s,
    conv,
    readSeq: Math.max(s.readSeq, conv.visitorReadSeq),
    agentReadSeq: Math.max(s.agentReadSeq, conv.agentReadSeq),
  };
}

/** Applies one server frame (to a copy: the state passed in is never changed). */
export function applyFrame(prev: ConvState, f: ServerFrame): [state: ConvState, effect?: Effect] {
  let effect: Effect | undefined;
  let s = { ...prev };
  switch (f.type) {
    case 'hello':
      s = adopt(s, f.conversation);
      s.at = f.at;
      effect = { type: 'flush' };
      break;
    case 'ack':
      s.log = S.ackPending(s.log, f.clientId, f.seq, f.id);
      break;
    case 'message': {
      const { state, added } = S.mergeMessages(s.log, [f.message]);
      s.log = state;
      // One frame, one message: added holds it when it is new. System lines (claimed, resolved...) neither beep nor
      // clear the typing indicator.
      const m = added[0];
      if (m?.sender.type == 'agent' && m.kind != 'system') {
        s.typing = null;
        effect = { type: 'reply', message: m };
      }
      break;
    }
    case 'read':
      if (f.by == 'agent') s.agentReadSeq = Math.max(s.agentReadSeq, f.seq);
      else s.readSeq = Math.max(s.readSeq, f.seq);
      break;
    case 'typing':
      if (f.sender.type !== 'agent') break;
      s.typing = f.on ? f.sender.name || '' : null;
      effect = { type: 'typing', on: f.on };
      break;
    case 'conversation':
      s = adopt(s, f.conversation);
      break;
    case 'error':
      // Blocked: the socket closes next (4403); nothing else of this frame matters.
      if (f.code == 'chat_unavailable') return [prev, { type: 'block' }];
      if (f.clientId) s.log = S.setPending(s.log, f.clientId, 'failed', f.code);
      // Every refusal shows (rate_limited above all: the visitor must know to slow down).
      effect = { type: 'notice', code: f.code };
      break;
  }
  return [s, effect];
}
