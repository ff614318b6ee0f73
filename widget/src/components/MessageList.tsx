// The scrolling message log: the greeting first, then messages; sticks to the newest unless the visitor scrolled up.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Actions, View } from '../chat';
import { t } from '../i18n';
import { Bubble } from './Bubble';

/** The message log (role="log", new messages announced politely). */
export function MessageList({ v, a }: { v: View; a: Actions }) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const items = v.items;
  const last = items[items.length - 1];
  let lastOwn: string | undefined;
  for (const it of items) if (it.sender === 'visitor') lastOwn = it.key;
  useLayoutEffect(() => {
    const el = ref.current;
    // Always follow the visitor's own new message; otherwise only when already at the bottom.
    if (el && (stick.current || (last && last.sender === 'visitor' && last.state === 'sending')))
      el.scrollTop = el.scrollHeight;
  }, [items.length, last?.key, v.typing, v.csat, v.mode]);
  const onScroll = () => {
    const el = ref.current!;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
  };
  return (
    <div
      class="lg"
      ref={ref}
      onScroll={onScroll}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard (axe: scrollable-region-focusable)
      tabIndex={0}
      aria-labelledby="p-title"
    >
      {v.hasMore ? (
        <button type="button" class="ol" onClick={a.loadOlder}>
          {t.loadOlder}
        </button>
      ) : (
        // The admin's greeting: a bubble, never a stored message.
        <div class="p-greeting">{v.greeting || t.greeting}</div>
      )}
      {items.map((it, i) => (
        <Bubble
          key={it.key}
          item={it}
          a={a}
          // The agent's name once per run of their messages, as in every chat app.
          named={it.sender == 'agent' && !(items[i - 1]?.sender == 'agent' && items[i - 1].name == it.name)}
          latest={it.key === lastOwn}
          read={(it.seq ?? Infinity) <= v.agentReadSeq}
        />
      ))}
      {v.typing !== null && (
        <div class="ty" data-parley="typing" aria-live="off">
          <span class="ds" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {t.typing(v.typing || t.agent)}
        </div>
      )}
    </div>
  );
}
