// The conversation view's state as a pure reducer: history pages, live frames, acks and the
// local outbox all funnel through here, so ordering and dedupe rules are unit-tested in one place.
import type { Conversation, Message, ServerFrame } from '../../../protocol';
import { visitorLabel } from './inbox';
import { TYPING_TIMEOUT_MS } from '../../../client/constants';
import { markPending, mergeBySeq, settlePending } from '../../../client/messages';
import { messageFromAck, type PendingMessage } from './messages';
import { strings } from '../strings';

/** Everything the conversation view renders. */
export type ConversationState = {
  conversation: Conversation | null;
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  hasMore: boolean;
  you: { role: 'visitor' | 'agent'; id: string } | null;
  /** Who on the other side is typing, until when. */
  typing: { label: string; until: number } | null;
  /** Highest seq the visitor has read (for "Seen"). */
  visitorReadSeq: number;
  /** Last error frame that was not about one of our messages. */
  notice: string | null;
};

/** Things that change the view. */
export type ConversationAction =
  | { type: 'history'; messages: Message[]; hasMore: boolean; older: boolean }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'frame'; frame: ServerFrame; author: { id: string; name: string }; now: number }
  | { type: 'queue'; pending: PendingMessage }
  | { type: 'sending'; clientIds: string[] }
  | { type: 'retry'; clientId: string }
  | { type: 'discard'; clientId: string }
  | { type: 'typingExpired'; now: number };

/** A view with nothing loaded yet. */
export const emptyConversationState: ConversationState = {
  conversation: null,
  messages: [],
  pending: [],
  hasMore: false,
  you: null,
  typing: null,
  visitorReadSeq: 0,
  notice: null,
};

/** Applies one action. */
export function reduceConversation(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'history': {
      const messages = mergeBySeq(state.messages, action.messages).messages;
      // Only the oldest page decides whether there is more above; a re-fetch of the latest page does not.
      const hasMore = action.older || state.messages.length === 0 ? action.hasMore : state.hasMore;
      return { ...state, messages, hasMore, pending: settlePending(state.pending, messages) };
    }
    case 'conversation':
      return withConversation(state, action.conversation);
    case 'frame':
      return applyFrame(state, action.frame, action.author, action.now);
    case 'queue':
      return { ...state, pending: [...state.pending, action.pending] };
    case 'sending':
      return {
        ...state,
        pending: state.pending.map((p) => (action.clientIds.includes(p.clientId) ? { ...p, state: 'sending' } : p)),
      };
    case 'retry':
      return { ...state, pending: markPending(state.pending, action.clientId, 'queued') };
    case 'discard':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
    case 'typingExpired':
      return state.typing && state.typing.until <= action.now ? { ...state, typing: null } : state;
  }
}

function withConversation(state: ConversationState, conversation: Conversation): ConversationState {
  return { ...state, conversation, visitorReadSeq: Math.max(state.visitorReadSeq, conversation.visitorReadSeq) };
}

function applyFrame(
  state: ConversationState,
  frame: ServerFrame,
  author: { id: string; name: string },
  now: number,
): ConversationState {
  switch (frame.type) {
    case 'hello':
      return { ...withConversation(state, frame.conversation), you: frame.you, notice: null };
    case 'conversation':
      return withConversation(state, frame.conversation);
    case 'message': {
      const messages = mergeBySeq(state.messages, [frame.message]).messages;
      const fromOtherSide = frame.message.sender.type === 'visitor';
      return {
        ...state,
        messages,
        pending: settlePending(state.pending, messages),
        typing: fromOtherSide ? null : state.typing,
      };
    }
    case 'ack': {
      const pending = state.pending.find((p) => p.clientId === frame.clientId);
      // Already settled by its broadcast copy: nothing left to do.
      if (!pending) return state;
      const messages = mergeBySeq(state.messages, [messageFromAck(pending, frame, author)]).messages;
      return { ...state, messages, pending: state.pending.filter((p) => p !== pending) };
    }
    case 'typing': {
      if (frame.sender.type === 'agent' && frame.sender.id === state.you?.id) return state;
      if (!frame.on) return { ...state, typing: null };
      return { ...state, typing: { label: typingLabel(state, frame.sender), until: now + TYPING_TIMEOUT_MS } };
    }
    case 'read':
      return frame.by === 'visitor' ? { ...state, visitorReadSeq: Math.max(state.visitorReadSeq, frame.seq) } : state;
    case 'error':
      if (frame.clientId && state.pending.some((p) => p.clientId === frame.clientId)) {
        return { ...state, pending: markPending(state.pending, frame.clientId, 'failed', frame.message) };
      }
      return { ...state, notice: frame.message };
    default:
      return state;
  }
}

function typingLabel(state: ConversationState, sender: { type: string; name?: string }): string {
  if (sender.name) return sender.name;
  if (sender.type === 'visitor' && state.conversation) return visitorLabel(state.conversation);
  return sender.type === 'visitor' ? 'Visitor' : strings.agentFallback;
}
