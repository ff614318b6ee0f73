// The snapshot of a Chat that the components render, and the rules for what the panel shows.
import type { ConversationStatus } from '../../protocol';
import { unavailable } from './boot';
import type { Chat } from './chat';
import type { ConnStatus } from './connection';
import { shouldAsk } from './features';
import * as S from './store';
import { strings } from './strings';

// The server's defaults are the English strings: show them translated; an admin's own text stays as written.
const own = (v: string | undefined, dflt: string) => (v && v !== dflt ? v : undefined);

/** What the bottom of the panel shows: the composer, a form, or the identity notice instead of a composer. */
export type Mode = 'chat' | 'prechat' | 'offline' | 'sent' | 'denied';

/** A snapshot of everything the UI shows. */
export type View = {
  open: boolean;
  hidden?: boolean;
  status: ConnStatus;
  items: S.Item[];
  unread: number;
  /** Error code of the visible notice, if any. */
  notice?: string | null;
  /** The typing agent's name ('' when unnamed), or null. */
  typing: string | null;
  agentReadSeq: number;
  hasMore?: boolean;
  /** Lifecycle status of the conversation, once there is one. */
  convStatus?: ConversationStatus;
  /** Name of the agent the conversation is assigned to. */
  assignee: string | null;
  title?: string;
  greeting?: string;
  preChat: 'off' | 'optional' | 'required';
  /** null until the config is known. */
  avail: { online: boolean; hours: boolean } | null;
  mode: Mode;
  /** The identity error code when mode is 'denied'. */
  denied: string | null;
  csat: 'ask' | 'thanks' | null;
  upload?: { name: string; pct: number } | null;
};

/** Anyone to answer now (unknown counts as yes: the chat must work without the config). */
export const available = (a: View['avail']): boolean => !a || (a.online && a.hours);

/** Builds the snapshot. */
export function makeView(c: Chat): View {
  const s = c.cfg?.settings;
  const a = c.cfg?.availability;
  const avail = a ? { online: a.agentsOnline, hours: a.withinHours } : null;
  const preChat = s?.preChat || 'off';
  const u = c.sess.user;
  const known = !!((u?.name && u.email) || (c.visitor?.name && c.visitor.email));
  const fresh = !c.conv && !c.s.pending.length;
  const mode: Mode = c.sess.denied
    ? 'denied'
    : c.offlineSent
      ? 'sent'
      : fresh && !available(avail)
        ? 'offline'
        : fresh && preChat !== 'off' && !known
          ? 'prechat'
          : 'chat';
  return {
    // open, hidden, status, notice, typing, agentReadSeq, hasMore and upload are the chat's own fields, same names.
    ...c,
    // A site that refuses this page (origin not allowed, unknown site key) shows no widget at all.
    hidden: c.hidden || unavailable(c),
    convStatus: c.conv?.status,
    assignee: c.conv?.assigneeName || null,
    items: S.toItems(c.s),
    unread: S.unreadCount(c.s, c.readSeq),
    title: own(s?.title, strings.title),
    greeting: own(s?.greeting, strings.greeting),
    preChat,
    avail,
    mode,
    denied: c.sess.denied,
    csat: shouldAsk(c) ? 'ask' : c.thanked && c.thanked === c.conv?.id ? 'thanks' : null,
  };
}
