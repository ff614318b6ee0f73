// The scrolling message log: sticks to the newest message unless the visitor scrolled up to read history.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Item } from '../store';
import { strings } from '../strings';
import { Bubble } from './Bubble';

/** Props of MessageList. */
export type MessageListProps = {
  items: Item[];
  agentReadSeq: number;
  typing: string | null;
  hasMore: boolean;
  onRetry: (clientId: string) => void;
  onLoadOlder: () => void;
};

/** The message log (role="log", announced politely). */
export function MessageList(p: MessageListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const last = p.items[p.items.length - 1];
  // Delivery state is shown lightly: "Sent"/"Read" only under the newest own message, problems under any.
  let lastOwn: string | undefined;
  for (const it of p.items) if (it.sender === 'visitor') lastOwn = it.key;
  useLayoutEffect(() => {
    const el = ref.current;
    // Always follow the visitor's own new message; otherwise only when already at the bottom.
    if (el && (stick.current || (last && last.sender === 'visitor' && last.state === 'sending'))) el.scrollTop = el.scrollHeight;
  }, [p.items.length, last && last.key, p.typing]);
  const onScroll = () => {
    const el = ref.current!;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
  };
  return (
    <div class="p-log" ref={ref} onScroll={onScroll} role="log" aria-live="polite" aria-relevant="additions">
      {p.hasMore && (
        <button type="button" class="p-older" onClick={p.onLoadOlder}>
          {strings.loadOlder}
        </button>
      )}
      {!p.items.length && <div class="p-greeting">{strings.greeting}</div>}
      {p.items.map((it, i) => (
        <Bubble
          key={it.key}
          item={it}
          // The agent's name once per run of their messages, as in every chat app.
          named={it.sender === 'agent' && (p.items[i - 1]?.sender !== 'agent' || p.items[i - 1]?.name !== it.name)}
          latest={it.key === lastOwn}
          read={it.seq !== undefined && it.seq <= p.agentReadSeq}
          onRetry={p.onRetry}
        />
      ))}
      {p.typing !== null && (
        <div class="p-typing" aria-live="off">
          <span class="p-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {(p.typing || strings.agent) + ' ' + strings.agentTyping}
        </div>
      )}
    </div>
  );
}
