import { describe, expect, it } from 'vitest';
import { eventsOf, projectedState } from './diff';
import { conversation, message } from './diff-fixtures';

const since = '2026-11-30T10:02:00.000Z';
const types = (r: { events: { type: string }[] }) => r.events.map((e) => e.type);
const later = '2026-11-30T10:05:00.000Z';

// The whole kind behind break15's diff findings: the first time a webhook sees a conversation it has no earlier
// state. Every event type is checked on a conversation older than the webhook.
describe('webhook events on the first sight of a conversation older than the webhook', () => {
  it('compares with what the conversation had projected before: status, fields, rating, messages', () => {
    const previous = projectedState(conversation({ status: 'waiting', assigneeId: null, assigneeName: null }));
    const now = conversation({
      status: 'active',
      tags: ['vip'],
      rating: { score: 5, comment: null, at: later },
      lastSeq: 3,
    });
    const r = eventsOf(
      null,
      { conversation: now, messages: [message(3, { createdAt: later })], previous },
      { notes: false, since },
    );
    expect(types(r)).toEqual([
      'conversation.status_changed',
      'conversation.updated',
      'rating.created',
      'message.created',
    ]);
    const updated = r.events.find((e) => e.type === 'conversation.updated')!.data as { changes: object };
    expect(Object.keys(updated.changes)).toEqual(['status', 'assignee', 'tags']);
    expect(r.events[0]!.data).toMatchObject({ from: 'waiting', to: 'active' });
    // The same projection again (a retried write): nothing.
    expect(
      eventsOf(
        r.after,
        { conversation: now, messages: [message(3, { createdAt: later })], previous },
        { notes: false, since },
      ).events,
    ).toEqual([]);
  });

  it('without an earlier state, tells only what carries its own time after the webhook', () => {
    const r = eventsOf(
      null,
      {
        conversation: conversation({ lastSeq: 4, rating: { score: 1, comment: null, at: '2026-11-30T10:01:00.000Z' } }),
        messages: [
          message(1, { body: 'old edit', editedAt: '2026-11-30T10:01:00.000Z' }),
          message(2),
          message(3, { kind: 'note', createdAt: later }),
          message(4, { createdAt: later }),
        ],
      },
      { notes: false, since },
    );
    // The rating and the edit predate the webhook, message 2 too, message 3 is a note.
    expect(types(r)).toEqual(['message.created']);
    // The old edit replayed later is still not news; a new edit of it is.
    const replay = eventsOf(
      r.after,
      {
        conversation: conversation({ lastSeq: 4 }),
        messages: [message(1, { body: 'old edit', editedAt: '2026-11-30T10:01:00.000Z' })],
      },
      { notes: false, since },
    );
    expect(replay.events).toEqual([]);
    const edited = eventsOf(
      replay.after,
      { conversation: conversation({ lastSeq: 4 }), messages: [message(1, { body: 'again', editedAt: later })] },
      { notes: false, since },
    );
    expect(types(edited)).toEqual(['message.updated']);
  });

  it('a deletion replayed is told once, a second edit of the same message is told again', () => {
    const base = eventsOf(
      null,
      { conversation: conversation({ createdAt: later, lastSeq: 2 }), messages: [message(1), message(2)] },
      { notes: false, since },
    );
    const del = {
      conversation: conversation({ createdAt: later }),
      messages: [message(2, { body: '', deletedAt: later })],
    };
    const once = eventsOf(base.after, del, { notes: false, since });
    expect(types(once)).toEqual(['message.updated']);
    expect(eventsOf(once.after, del, { notes: false, since }).events).toEqual([]);
    const e1 = eventsOf(
      once.after,
      {
        conversation: conversation({ createdAt: later }),
        messages: [message(1, { editedAt: '2026-11-30T10:06:00.000Z' })],
      },
      { notes: false, since },
    );
    const e2 = eventsOf(
      e1.after,
      {
        conversation: conversation({ createdAt: later }),
        messages: [message(1, { editedAt: '2026-11-30T10:07:00.000Z' })],
      },
      { notes: false, since },
    );
    expect([...types(e1), ...types(e2)]).toEqual(['message.updated', 'message.updated']);
  });

  it('a projection in chunks: messages of a later chunk are created, though the snapshot was ahead', () => {
    const snapshot = conversation({ createdAt: later, lastSeq: 4 });
    const a = eventsOf(null, { conversation: snapshot, messages: [message(1), message(2)] }, { notes: false, since });
    const b = eventsOf(
      a.after,
      { conversation: snapshot, messages: [message(3), message(4)] },
      { notes: false, since },
    );
    expect(types(b)).toEqual(['message.created', 'message.created']);
  });
});
