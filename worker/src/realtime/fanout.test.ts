import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationDelta, SiteEvent } from '../../../protocol';
import { FanoutBatch, wantsDelta } from './fanout';

const ME = 'agent-me';
const OTHER = 'agent-other';

// The delta fields the selection reads, for a conversation `id`; the rest does not matter here.
function delta(id: string, extra: Partial<ConversationDelta> = {}): SiteEvent {
  return {
    type: 'conversation.delta',
    delta: {
      id,
      rev: 2,
      status: 'active',
      assigneeId: OTHER,
      lastMessageSender: 'agent',
      agentUnread: 0,
      ...extra,
    } as ConversationDelta,
  };
}
const whole = (id: string): SiteEvent => ({
  type: 'conversation.updated',
  conversation: { id, rev: 3, status: 'resolved', assigneeId: OTHER } as Conversation,
});

// The conversation ids of a frame's events, in order (null: no frame).
function ids(frame: string | null): string[] | null {
  if (frame === null) return null;
  const parsed = JSON.parse(frame);
  expect(parsed.type).toBe('events');
  return parsed.events.map((e: SiteEvent) => (e.type === 'conversation.delta' ? e.delta.id : e.conversation.id));
}

// Scoped frames list the whole copies first, then the agent's deltas, then unassigned ones (one event per conversation).
describe('fan-out selection (per-socket scopes)', () => {
  const events = [
    delta('mine', { assigneeId: ME }),
    delta('others', { assigneeId: OTHER }),
    whole('moved'),
    delta('queued', { assigneeId: null, status: 'waiting' }),
    delta('queued-quiet', { assigneeId: null, status: 'waiting', lastMessageSender: 'agent' }),
    delta('mine-resolved', { assigneeId: ME, status: 'resolved' }),
    delta('mine-asking', { assigneeId: ME, status: 'waiting', lastMessageSender: 'visitor', agentUnread: 2 }),
    delta('nobodys-asking', { assigneeId: null, status: 'active', lastMessageSender: 'visitor', agentUnread: 1 }),
    delta('others-asking', { assigneeId: OTHER, lastMessageSender: 'visitor', agentUnread: 1 }),
  ];
  const batch = new FanoutBatch(events);
  const all = events.map((e) => (e.type === 'conversation.delta' ? e.delta.id : e.conversation.id));

  it('sends everything, in order, to a socket without a scope or with scope all', () => {
    expect(ids(batch.frameFor(undefined, ME))).toEqual(all);
    expect(ids(batch.frameFor({ assignee: 'all' }, ME))).toEqual(all);
  });

  it("'me': the agent's deltas, every whole copy, and deltas that may notify them", () => {
    expect(ids(batch.frameFor({ assignee: 'me' }, ME))).toEqual([
      'moved',
      'mine',
      'mine-resolved',
      'mine-asking',
      'nobodys-asking',
    ]);
    // Another agent's 'me' is theirs.
    expect(ids(batch.frameFor({ assignee: 'me' }, OTHER))).toEqual([
      'moved',
      'others',
      'others-asking',
      'nobodys-asking',
    ]);
  });

  it("'unassigned' and a status narrow further; a visitor waiting on the agent or nobody still comes through", () => {
    expect(ids(batch.frameFor({ assignee: 'unassigned' }, ME))).toEqual([
      'moved',
      'mine-asking',
      'queued',
      'queued-quiet',
      'nobodys-asking',
    ]);
    expect(ids(batch.frameFor({ assignee: 'me', status: 'resolved' }, ME))).toEqual([
      'moved',
      'mine-resolved',
      'mine-asking',
      'nobodys-asking',
    ]);
    expect(ids(batch.frameFor({ assignee: 'all', status: 'waiting' }, OTHER))).toEqual([
      'moved',
      'queued',
      'queued-quiet',
      'mine-asking',
      'nobodys-asking',
      'others-asking',
    ]);
  });

  it('sends no frame to a socket with nothing to receive, and serialises each event once', () => {
    const quiet = new FanoutBatch([delta('others')]);
    expect(quiet.frameFor({ assignee: 'me' }, ME)).toBeNull();
    expect(ids(quiet.frameFor({ assignee: 'all' }, ME))).toEqual(['others']);
    // The same scope of the same agent (two tabs) gets the very same text.
    expect(batch.frameFor({ assignee: 'me' }, ME)).toBe(batch.frameFor({ assignee: 'me' }, ME));
    expect(JSON.parse(batch.frameFor(undefined, ME)!)).toEqual({ type: 'events', events });
  });

  it('wantsDelta: no scope wants everything; a status mismatch excludes even a matching assignee', () => {
    const d = { assigneeId: ME, status: 'active', lastMessageSender: 'agent', agentUnread: 0 } as const;
    expect(wantsDelta({ ...d, assigneeId: OTHER }, undefined, ME)).toBe(true);
    expect(wantsDelta(d, { assignee: 'me', status: 'active' }, ME)).toBe(true);
    expect(wantsDelta(d, { assignee: 'me', status: 'waiting' }, ME)).toBe(false);
    expect(wantsDelta(d, { assignee: 'unassigned' }, ME)).toBe(false);
  });
});
