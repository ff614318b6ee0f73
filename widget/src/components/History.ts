// The list of the visitor's conversations (issue 14): newest first, each with its status and last message; opening
// one shows it, and once none is open a new one may start. Built as its own file (dist/widget-history.js), loaded by
// the panel's "Your conversations" button, outside the core budget (scripts/size.mjs). It imports nothing at run time
// (type imports only, and no JSX, whose h would be imported): Preact's h, the hooks and the strings come from the app,
// so nothing is bundled twice and the app's code stays in one file.
import type { h as H } from 'preact';
import type { useEffect as UseEffect, useState as UseState } from 'preact/hooks';
import type { VisitorConversation as Conversation } from '../../../protocol';
import type { Actions, View } from '../chat';
import type { Strings } from '../strings';

/** What the app hands to the list. */
export type Kit = { h: typeof H; useState: typeof UseState; useEffect: typeof UseEffect; t: Strings };

/** The list, in place of the message log; `close` goes back to the conversation (so does picking the current one). */
export function History({ v, a, close, k }: { v: View; a: Actions; close: () => void; k: Kit }) {
  const { h, t } = k;
  const [list, setList] = k.useState<Conversation[] | null>(null);
  k.useEffect(() => {
    a.list().then(setList, () => setList([]));
  }, []);
  const open = !list || list.some((c) => c.status == 'waiting' || c.status == 'active');
  const item = (c: Conversation) =>
    h(
      'button',
      {
        type: 'button',
        class: 'cv',
        'data-parley': 'conversation-item',
        'data-status': c.status,
        'aria-current': c.id == v.cid,
        onClick: () => (a.pick(c), close()),
      },
      h('b', null, t.convStatus[c.status]),
      h('span', null, c.lastMessagePreview || '…'),
      h('time', null, new Date(c.lastMessageAt || c.createdAt).toLocaleString()),
    );
  return h(
    'div',
    { class: 'lg', 'data-parley': 'conversations', 'aria-busy': !list },
    !open &&
      h(
        'button',
        { type: 'button', class: 'ol', 'data-parley': 'new-conversation', onClick: () => (a.fresh(), close()) },
        t.newConv,
      ),
    list && [...list].sort((x, y) => y.createdAt.localeCompare(x.createdAt)).map(item),
  );
}
