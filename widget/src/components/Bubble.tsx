// One message row: visitor right, agent left, system centered; delivery state on the visitor's own messages.
import type { Actions, Item } from '../chat';
import { t, when } from '../i18n';
import { EDIT_MS } from '../limits';
import { Body } from './Body';
import { File } from './File';

/** A message bubble. Bodies are formatted into DOM nodes (Body), never rendered as HTML; system lines stay plain. */
export function Bubble(p: { item: Item; read: boolean; latest: boolean; named: boolean; a: Actions }) {
  const it = p.item;
  // data-state on every own message; the visible "Sent"/"Read" only under the newest one, problems under any.
  const state =
    it.sender === 'visitor' ? (it.state === 'sent' || !it.state ? (p.read ? 'read' : 'sent') : it.state) : undefined;
  const label = state && (p.latest || state === 'sending' || state === 'failed') && t.state[state];
  // A deleted message keeps its place (and time) but neither its body nor its file.
  const file = !it.deleted && it.file;
  return (
    <div
      class={'m ' + it.sender + (state ? ' ' + state : '') + (it.deleted ? ' del' : '')}
      data-parley="message"
      data-sender={it.sender}
      data-seq={it.seq}
      data-state={state}
      data-deleted={it.deleted || undefined}
    >
      {p.named && <div class="nm">{it.name || t.agent}</div>}
      <div class="b" data-parley="body">
        {it.deleted
          ? t.deleted
          : (!file || it.body !== file.name) && (it.sender == 'system' ? it.body : <Body text={it.body} />)}
        {file && <File file={file} a={p.a} />}
      </div>
      <div class="mt">
        <time dateTime={it.createdAt}>{when(it.createdAt)}</time>
        {it.edited && <span data-parley="edited"> · {t.edited}</span>}
        {label && <span class="sta"> · {label}</span>}
        {it.editable && Date.now() - Date.parse(it.createdAt) < EDIT_MS && (
          <button type="button" class="rt" data-parley="edit" onClick={() => p.a.edit(it.id)}>
            {t.edit}
          </button>
        )}
        {state === 'failed' && it.clientId && (
          <button type="button" class="rt" onClick={() => p.a.retry(it.clientId!)}>
            {t.retry}
          </button>
        )}
      </div>
    </div>
  );
}
