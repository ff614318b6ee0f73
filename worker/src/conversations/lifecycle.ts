import type { ConversationStatus } from '../../../protocol';

/** Someone a conversation can be given to, or who acts on it. */
export type AgentRef = { id: string; name: string };

/** What an agent (or Parley itself, when `by` is null) does to a conversation. */
export type LifecycleAction =
  | { type: 'claim'; by: AgentRef }
  | { type: 'assign'; to: AgentRef; by: AgentRef | null }
  | { type: 'transfer'; to: AgentRef; by: AgentRef; note?: string }
  | { type: 'resolve'; by: AgentRef }
  | { type: 'close'; by: AgentRef | null; reason?: string }
  | { type: 'reopen'; by: AgentRef | null }
  /** The assignee was deactivated: back to the queue (docs/team.md). */
  | { type: 'release'; agent: AgentRef };

/** The outcome of an allowed action: the new state and the messages that record it. */
export type Transition = {
  status: ConversationStatus;
  /** The new assignee; null unassigns, undefined leaves it as it is. */
  assignee?: AgentRef | null;
  /** The system message everyone (the visitor included) sees. */
  system: string;
  /** An internal note to add as well (a transfer's note). */
  note?: { by: AgentRef; body: string };
  /** Which timestamp this transition sets. */
  stamp: 'claimed' | 'resolved' | 'closed' | 'reopened' | 'released';
};

/** A refused action, answered with 409 and this code. */
export type Refusal = { error: 'invalid_transition' | 'already_assigned'; message: string };

const refuse = (message: string, error: Refusal['error'] = 'invalid_transition'): Refusal => ({ error, message });
const isOpen = (s: ConversationStatus) => s === 'waiting' || s === 'active';

/**
 * The lifecycle rules, in one pure function:
 * waiting --claim/assign/transfer--> active --resolve--> resolved --reopen--> active|waiting;
 * waiting|active|resolved --close--> closed --reopen--> active|waiting.
 */
export function decide(
  current: { status: ConversationStatus; assigneeId: string | null },
  action: LifecycleAction,
): Transition | Refusal {
  const { status, assigneeId } = current;
  switch (action.type) {
    case 'claim':
      if (!isOpen(status)) return refuse(`A ${status} conversation cannot be claimed; reopen it first`);
      if (assigneeId === action.by.id) return refuse('You already have this conversation');
      if (assigneeId) return refuse('Someone else already has this conversation', 'already_assigned');
      return {
        status: 'active',
        assignee: action.by,
        system: `${action.by.name} claimed the conversation`,
        stamp: 'claimed',
      };
    case 'assign': {
      if (!isOpen(status)) return refuse(`A ${status} conversation cannot be assigned; reopen it first`);
      if (assigneeId === action.to.id) return refuse(`${action.to.name} already has this conversation`);
      const system = !action.by
        ? `Assigned to ${action.to.name}`
        : action.by.id === action.to.id
          ? `${action.by.name} claimed the conversation`
          : `${action.by.name} assigned the conversation to ${action.to.name}`;
      return { status: 'active', assignee: action.to, system, stamp: 'claimed' };
    }
    case 'transfer': {
      if (!isOpen(status)) return refuse(`A ${status} conversation cannot be transferred; reopen it first`);
      if (assigneeId === action.to.id) return refuse(`${action.to.name} already has this conversation`);
      const note = action.note?.trim();
      return {
        status: 'active',
        assignee: action.to,
        stamp: 'claimed',
        system: `${action.by.name} transferred the conversation to ${action.to.name}`,
        ...(note ? { note: { by: action.by, body: `Transferred to ${action.to.name}: ${note}` } } : {}),
      };
    }
    case 'resolve':
      if (!isOpen(status)) return refuse(`A ${status} conversation cannot be resolved`);
      return { status: 'resolved', system: `Resolved by ${action.by.name}`, stamp: 'resolved' };
    case 'close':
      if (status === 'closed') return refuse('The conversation is already closed');
      return {
        status: 'closed',
        system: action.by ? `Closed by ${action.by.name}` : (action.reason ?? 'Closed'),
        stamp: 'closed',
      };
    case 'reopen':
      if (isOpen(status)) return refuse(`The conversation is ${status}, not resolved or closed`);
      return {
        status: assigneeId ? 'active' : 'waiting',
        stamp: 'reopened',
        system: action.by ? `Reopened by ${action.by.name}` : 'Reopened: the visitor wrote again',
      };
    case 'release':
      if (!isOpen(status) || assigneeId !== action.agent.id)
        return refuse(`${action.agent.name} does not hold this open conversation`);
      return {
        status: 'waiting',
        assignee: null,
        system: `${action.agent.name} is no longer available; waiting for another agent`,
        stamp: 'released',
      };
  }
}

/**
 * What writing a message does to the lifecycle by itself: a visitor writing to a resolved
 * or closed conversation reopens it; an agent's reply (text or file, not a note) to a
 * waiting, unassigned conversation claims it, so a second agent does not answer too
 * (unless the agent chose `claim: false`). Null when the message changes nothing.
 */
export function implicitTransition(
  current: { status: ConversationStatus; assigneeId: string | null },
  who: { role: 'visitor' | 'agent'; id: string; name: string | null },
  kind: string,
  claim = true,
): Transition | null {
  const t =
    who.role === 'visitor'
      ? current.status === 'resolved' || current.status === 'closed'
        ? decide(current, { type: 'reopen', by: null })
        : null
      : claim && (kind === 'text' || kind === 'file') && current.status === 'waiting' && !current.assigneeId
        ? decide(current, { type: 'claim', by: { id: who.id, name: who.name ?? 'An agent' } })
        : null;
  return t && !('error' in t) ? t : null;
}
