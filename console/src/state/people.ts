// Pure helpers about agents: labels, presence, permissions, and which conversation actions a status allows.
import type { Agent, ConversationStatus, PresenceAgent, Role } from '../../../protocol';

/** Up to two initials for an avatar. */
export function initials(name: string | null | undefined): string {
  return (
    (name ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?'
  );
}

/** An agent's presence: their status on the site socket, or offline when no console of theirs is connected. */
export type Presence = PresenceAgent['status'] | 'offline';

/** Looks an agent up in the latest presence frame. */
export function presenceOf(agentId: string, presence: readonly PresenceAgent[]): Presence {
  return presence.find((p) => p.id === agentId)?.status ?? 'offline';
}

/** Owners and admins manage people and departments; the server enforces it, the UI only hides controls. */
export function canManageTeam(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Agents that can take conversations: active ones, optionally without one (the current assignee). */
export function assignableAgents(agents: readonly Agent[], exceptId?: string | null): Agent[] {
  // Invited agents cannot take conversations until they have accepted.
  return agents.filter((a) => a.active && !a.invited && a.id !== exceptId);
}

/** The actions of the conversation header. */
export type ConversationAction = 'claim' | 'assign' | 'transfer' | 'resolve' | 'close' | 'reopen';

/** Which actions a status allows, the suggested next step first: claim a waiting one, resolve an active one, reopen a finished one. */
export function actionsFor(status: ConversationStatus): ConversationAction[] {
  switch (status) {
    case 'waiting':
      return ['claim', 'assign', 'resolve', 'close'];
    case 'active':
      return ['resolve', 'transfer', 'close'];
    case 'resolved':
      return ['reopen', 'close'];
    case 'closed':
      return ['reopen'];
  }
}
