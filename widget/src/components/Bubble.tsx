// One message row: visitor right, agent left, system centered; delivery state on the visitor's own messages.
import type { Item } from '../store';
import { strings } from '../strings';

/** HH:MM in the visitor's local time. */
export function hhmm(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return two(d.getHours()) + ':' + two(d.getMinutes());
}

// Only links the server could have produced; never javascript: or data: URLs.
const safeUrl = (u: string) => (/^(https?:\/\/|\/)/i.test(u) ? u : undefined);

/** A message bubble. Bodies are rendered as text nodes, never as HTML. */
export function Bubble(p: { item: Item; read: boolean; latest: boolean; named: boolean; onRetry: (clientId: string) => void }) {
  const it = p.item;
  const state = it.sender === 'visitor' ? it.state || 'sent' : undefined;
  const label = state === 'sent' ? (p.latest ? (p.read ? strings.state.read : strings.state.sent) : '') : state && strings.state[state];
  return (
    <div class={'p-msg p-' + it.sender + (state ? ' p-' + state : '')} data-parley="message" data-sender={it.sender} data-seq={it.seq} data-state={state}>
      {p.named && <div class="p-name">{it.name || strings.agent}</div>}
      <div class="p-bubble" data-parley="body">
        {it.body}
        {it.file && (
          <a class="p-file" href={safeUrl(it.file.url)} target="_blank" rel="noopener noreferrer">
            {it.file.name}
          </a>
        )}
      </div>
      <div class="p-meta">
        <time dateTime={it.createdAt}>{hhmm(it.createdAt)}</time>
        {label && <span class="p-state"> · {label}</span>}
        {state === 'failed' && it.clientId && (
          <button type="button" class="p-retry" onClick={() => p.onRetry(it.clientId!)}>
            {strings.retry}
          </button>
        )}
      </div>
    </div>
  );
}
