// What the components render (View), and the pure rules behind it: which form or composer the panel shows, whether
// anyone can answer, whether to ask for a rating. The chat owner (chat.ts) builds a View from its state with these.
import type { VisitorConversation as Conversation } from '../../../protocol';
import type { Availability } from '../../../protocol/settings';
import type { ConnStatus } from '../../../client/status';
import type * as S from './store';

/** What the bottom of the panel shows: the composer, a form, or the identity notice instead of a composer. */
export type Mode = 'chat' | 'prechat' | 'offline' | 'sent' | 'denied';

/** Whether agents are online and within business hours, as the config says (null until it is known). */
export type Avail = Availability | null;

/** A snapshot of everything the UI shows. */
export type View = {
  open: boolean;
  /** The whole widget is hidden (Parley('hide'), or the site refuses this page). */
  hidden: boolean;
  /** The launcher button is hidden (nobody can answer and the site hides the widget then). */
  noLauncher: boolean;
  status: ConnStatus;
  items: S.Item[];
  unread: number;
  /** Error code of the visible notice, if any. */
  notice: string | null;
  /** The typing agent's name ('' when unnamed), or null. */
  typing: string | null;
  agentReadSeq: number;
  hasMore: boolean;
  /** The server's copy of the conversation, once there is one (its status, its assignee's name). */
  conv?: Conversation;
  title?: string;
  greeting?: string;
  preChat: 'off' | 'optional' | 'required';
  avail: Avail;
  mode: Mode;
  /** The identity error code when mode is 'denied'. */
  denied: string | null;
  csat: 'ask' | 'thanks' | null;
  upload: { name: string; pct: number } | null;
  /** The message the composer edits (its text fills the composer), or null. */
  editing: { id: string; body: string } | null;
  /** The visitor's email when known (the transcript then needs no address). */
  email: string | null;
  /** The id of the conversation shown, once there is one. */
  cid?: string;
  /** Whether to offer the list of the visitor's conversations (components/History.tsx, loaded on demand). */
  many: boolean;
};

/** Anyone to answer now (unknown counts as yes: the chat must work without the config). */
export const available = (a: Avail): boolean => !a || (a.agentsOnline && a.withinHours);

/** The server's defaults are the English strings: show them translated (undefined); an admin's own text stays as written. */
export const own = (v: string | undefined, dflt: string): string | undefined => (v && v !== dflt ? v : undefined);

/**
 * The panel's mode: the refusal, else the offline form's confirmation, else (before anything was written) the offline
 * form while nobody can answer or the pre-chat form when the site asks who the visitor is, else the chat.
 */
export function modeOf(
  denied: string | null,
  sent: boolean,
  fresh: boolean,
  avail: Avail,
  preChat: View['preChat'],
  known: boolean,
): Mode {
  if (denied) return 'denied';
  if (sent) return 'sent';
  if (fresh && !available(avail)) return 'offline';
  return fresh && preChat !== 'off' && !known ? 'prechat' : 'chat';
}

/** The rating block: asked once a conversation is resolved (never twice: server field and `rated`), thanks after. */
export function csatOf(conv: Conversation | undefined, rated: boolean, thanked: string | undefined): View['csat'] {
  if (!conv) return null;
  if (thanked === conv.id) return 'thanks';
  return conv.status === 'resolved' && !conv.rating && !rated ? 'ask' : null;
}
