// The scrolling message list: day headers, stays pinned to the bottom while the agent is there,
// and keeps the reading position when older pages are prepended.
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Conversation, Message } from '../../../protocol';
import type { PendingMessage } from '../state/messages';
import { strings } from '../strings';
import { groupByDay } from '../time';
import { MessageItem, PendingItem, type MessageHandlers } from './MessageItem';

/** Props of MessageList. */
export type MessageListProps = {
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  conversation: Conversation | null;
  visitorReadSeq: number;
  hasMore: boolean;
  loadingOlder: boolean;
  authorName: string;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** Copy, quote and delete on stored messages. */
  handlers?: MessageHandlers;
};

type Item =
  | { type: 'message'; message: Message; at: string }
  | { type: 'pending'; pending: PendingMessage; at: string };

const PIN_THRESHOLD_PX = 80;

/** The conversation's messages grouped by day. */
export function MessageList(p: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const previous = useRef({ firstSeq: 0, height: 0, count: 0 });

  const groups = useMemo(() => {
    const items: Item[] = [
      ...p.messages.map((message): Item => ({ type: 'message', message, at: message.createdAt })),
      ...p.pending.map((pending): Item => ({ type: 'pending', pending, at: pending.createdAt })),
    ];
    return groupByDay(items, (item) => item.at, new Date());
  }, [p.messages, p.pending]);

  // The last agent message the visitor has read carries the "Seen" mark.
  const seenSeq = useMemo(() => {
    let seq = 0;
    for (const m of p.messages)
      if (m.sender.type === 'agent' && m.kind !== 'note' && m.seq <= p.visitorReadSeq) seq = m.seq;
    return seq;
  }, [p.messages, p.visitorReadSeq]);

  // The newest visitor text or file: an agent's text before it is answered (no longer editable).
  const answeredBefore = useMemo(() => {
    let seq = 0;
    for (const m of p.messages)
      if (m.sender.type === 'visitor' && (m.kind === 'text' || m.kind === 'file')) seq = m.seq;
    return seq;
  }, [p.messages]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const firstSeq = p.messages[0]?.seq ?? 0;
    const count = p.messages.length + p.pending.length;
    const before = previous.current;
    if (before.firstSeq && firstSeq < before.firstSeq) {
      // An older page went in above: keep the same message under the reader's eyes.
      el.scrollTop += el.scrollHeight - before.height;
    } else if (count !== before.count && (pinned.current || p.pending.length > 0)) {
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { firstSeq, height: el.scrollHeight, count };
  });

  const onScroll = () => {
    const el = scroller.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PIN_THRESHOLD_PX;
  };

  return (
    <div class="messages" ref={scroller} onScroll={onScroll} role="log" aria-live="polite">
      {p.hasMore && (
        <button
          type="button"
          class="button button-secondary load-older"
          disabled={p.loadingOlder}
          onClick={p.onLoadOlder}
          data-testid="load-older"
        >
          {p.loadingOlder ? strings.loading : strings.loadEarlier}
        </button>
      )}
      {groups.map((group) => (
        <section key={group.key} class="day">
          <h3 class="day-label" data-testid="day-label">
            <span>{group.label}</span>
          </h3>
          {group.items.map((item) =>
            item.type === 'message' ? (
              <MessageItem
                key={`m${item.message.seq}`}
                message={item.message}
                conversation={p.conversation}
                seen={item.message.seq === seenSeq}
                answered={item.message.seq < answeredBefore}
                handlers={p.handlers}
              />
            ) : (
              <PendingItem
                key={`p${item.pending.clientId}`}
                pending={item.pending}
                authorName={p.authorName}
                onRetry={p.onRetry}
                onDiscard={p.onDiscard}
              />
            ),
          )}
        </section>
      ))}
    </div>
  );
}
