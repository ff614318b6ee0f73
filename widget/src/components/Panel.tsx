// The chat panel: header, notice, message log, rating, and at the bottom whatever the mode asks for
// (composer, pre-chat form, offline form and its confirmation, or nothing when identity is refused).
import { h as createElement, type JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Actions, View } from '../chat';
import { t } from '../i18n';
import { ChatBox } from './ChatBox';
import { chunk } from './chunk';
import type { csat } from './Csat';
import type { forms } from './Forms';
import { Header } from './Header';
import { MessageList } from './MessageList';
import { useHelp } from './useHelp';

/** The open panel (rendered only while open). */
export function Panel(p: { v: View; a: Actions; onClose: () => void }) {
  const { v, a } = p;
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState(false);
  const help = useHelp(v, a);
  // The list of conversations: its component arrives with the first click (an on-demand chunk).
  const [list, setList] = useState<{ H: typeof import('./History').History } | null>(null);
  const close = () => setList(null);
  // The rating (components/Csat.tsx): an on-demand chunk, loaded once a conversation asks for it.
  const [Rate, setRate] = useState<{ C: ReturnType<typeof csat> } | null>(null);
  useEffect(() => {
    if (v.csat && !Rate)
      chunk<{ csat: typeof csat }>('widget-csat.js').then(
        (m) => setRate({ C: m.csat({ h: createElement, useState, t }) }),
        () => undefined,
      );
  }, [v.csat]);
  const status = v.conv?.status;
  // The forms (components/Forms.tsx): an on-demand chunk, loaded once one of them shows.
  const [F, setF] = useState<ReturnType<typeof forms> | null>(null);
  const wants =
    v.mode === 'prechat' || v.mode === 'offline' || status == 'resolved' || (v.mode === 'chat' && v.email && status);
  useEffect(() => {
    if (wants && !F)
      chunk<{ forms: typeof forms }>('widget-forms.js').then(
        (m) => setF(m.forms({ h: createElement, useState, t })),
        () => undefined,
      );
  }, [wants]);
  // Focus moves into the panel on open: the composer, else the first field of a form (the transcript's comes before
  // the composer, so it is asked for second).
  useEffect(() => {
    const el = ref.current!;
    (el.querySelector<HTMLElement>('.pc-input') || el.querySelector<HTMLElement>('.fm [name]') || el).focus();
  }, [v.mode, !F]);
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    p.onClose();
  };
  const canDrop = v.mode === 'chat';
  const onDrag = (e: JSX.TargetedDragEvent<HTMLDivElement>) => {
    if (!canDrop || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    setDrag(e.type !== 'dragleave');
  };
  const onDrop = (e: JSX.TargetedDragEvent<HTMLDivElement>) => {
    setDrag(false);
    const f = e.dataTransfer?.files[0];
    if (!canDrop || !f) return;
    e.preventDefault();
    void a.upload(f);
  };
  // The identity notice stays (no composer without it); the offline one shows while the network is down.
  const code = v.denied || v.notice || (v.status === 'offline' ? 'offline' : null);
  const life = status && t.lifecycle[status];
  return (
    <div
      ref={ref}
      tabIndex={-1}
      class={'pn' + (drag ? ' dg' : '')}
      role="dialog"
      aria-labelledby="p-title"
      data-parley="panel"
      onKeyDown={onKeyDown}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={onDrop}
      onInput={help.onInput}
    >
      <Header v={v} onClose={p.onClose} />
      {code && (
        <div class="nt" role={code === v.notice ? 'alert' : 'status'} data-parley="notice" data-code={code}>
          <span>{t.notice[code] || t.notice.error}</span>
          {code === v.notice && (
            <button type="button" class="x" aria-label={t.dismiss} onClick={() => a.notice(null)}>
              ×
            </button>
          )}
        </div>
      )}
      {v.mode !== 'denied' && help.bar}
      {v.many && !list && !help.view && (
        <button
          type="button"
          class="ol"
          data-parley="history"
          onClick={() => chunk<typeof import('./History')>('widget-history.js').then((m) => setList({ H: m.History }))}
        >
          {t.convs}
        </button>
      )}
      {help.view ||
        (list ? (
          <list.H v={v} a={a} close={close} k={{ h: createElement, useState, useEffect, t }} />
        ) : (
          <MessageList v={v} a={a} />
        ))}
      {!help.view && v.csat && Rate && <Rate.C a={a} thanked={v.csat === 'thanks'} />}
      {life && (
        <div class="lf" role="status" data-parley="conversation-state" data-status={status}>
          {life}
        </div>
      )}
      {F && status == 'resolved' && <F.Transcript a={a} known={!!v.email} />}
      {help.suggest}
      {F && v.mode === 'chat' && v.email && status && <F.LinkMe a={a} />}
      {v.mode === 'chat' && <ChatBox v={v} a={a} />}
      {F && v.mode === 'prechat' && <F.PreChat a={a} required={v.preChat === 'required'} />}
      {F && v.mode === 'offline' && <F.OfflineForm a={a} />}
      {v.mode === 'sent' && (
        <p class="ok" role="status" data-parley="offline-sent">
          {t.sentAway}
        </p>
      )}
      {drag && <div class="dz">{t.dropHere}</div>}
    </div>
  );
}
