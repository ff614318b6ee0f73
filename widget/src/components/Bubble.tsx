// One message row: visitor right, agent left, system centered; delivery state on the visitor's own messages.
import type { Chat } from '../chat';
import { retry } from '../features';
import { t, when } from '../i18n';
import type { Item } from '../store';
import { Attachment } from './Attachment';

/** A message bubble. Bodies are rendered as text nodes, never as HTML. */
export function Bubble(p: { item: Item; read: boolean; latest: boolean; named: boolean; chat: Chat }) {
  const it = p.item;
  // data-state on every own message; the visible "Sent"/"Read" only under the newest one, problems under any.
  const state = it.sender === 'visitor' ? (it.state === 'sent' || !it.state ? (p.read ? 'read' : 'sent') : it.state) : undefined;
  const label = state && (p.latest || state === 'sending' || state === 'failed') && t.state[state];
  const file = it.file;
  return (
    <div class={'p-msg p-' + it.sender + (state ? ' p-' + state : '')} data-parley="message" data-sender={it.sender} data-seq={it.seq} data-state={state}>
      {p.named && <div class="p-name">{it.name || t.agent}</div>}
      <div class="p-bubble" data-parley="body">
        {(!file || it.body !== file.name) && it.body}
        {file && <Attachment file={file} chat={p.chat} />}
      </div>
      <div class="p-meta">
        <time dateTime={it.createdAt}>{when(it.createdAt)}</time>
        {label && <span class="p-state"> · {label}</span>}
        {state === 'failed' && it.clientId && (
          <button type="button" class="p-retry" onClick={() => retry(p.chat, it.clientId!)}>
            {t.retry}
          </button>
        )}
      </div>
    </div>
  );
}
