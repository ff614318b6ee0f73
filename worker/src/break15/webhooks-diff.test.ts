import { describe, expect, it } from 'vitest';
import { eventsOf } from '../webhooks/diff';
import { conversation, message } from '../webhooks/diff-fixtures';

const since = '2026-11-30T09:00:00.000Z';

describe('break15 webhooks: events from projections', () => {
  it('a projection seen twice (a retried write) yields nothing the second time, an edit included', () => {
    const first = eventsOf(
      null,
      { conversation: conversation(), messages: [message(1), message(2)] },
      {
        notes: false,
        since,
      },
    );
    const edited = {
      conversation: conversation({ rev: 2 }),
      messages: [message(1, { body: 'fixed', editedAt: '2026-11-30T10:01:00.000Z' })],
    };
    const once = eventsOf(first.after, edited, { notes: false, since });
    expect(once.events.map((e) => e.type)).toEqual(['message.updated']);
    // The relay reports the batch as failed (one webhook's object refused) and the conversation retries it.
    const again = eventsOf(once.after, edited, { notes: false, since });
    expect(again.events).toEqual([]);
  });

  it('a webhook that stopped asking for notes is not sent the notes text (as a change "from")', () => {
    const withNotes = eventsOf(null, { conversation: conversation(), messages: [] }, { notes: true, since });
    // PATCH includeNotes: false, then the conversation is resolved.
    const next = eventsOf(
      withNotes.after,
      { conversation: conversation({ status: 'resolved', rev: 2 }), messages: [] },
      {
        notes: false,
        since,
      },
    );
    expect(next.events.map((e) => e.type)).toContain('conversation.status_changed');
    expect(JSON.stringify(next.events)).not.toContain('refund fraud suspected');
  });

  it('a webhook that starts asking for notes is not told the notes changed when they did not', () => {
    const without = eventsOf(null, { conversation: conversation(), messages: [] }, { notes: false, since });
    // PATCH includeNotes: true, then only the priority changes.
    const next = eventsOf(
      without.after,
      { conversation: conversation({ priority: 'high', rev: 2 }), messages: [] },
      {
        notes: true,
        since,
      },
    );
    const updated = next.events.find((e) => e.type === 'conversation.updated')!;
    expect(Object.keys((updated.data as { changes: object }).changes)).toEqual(['priority']);
  });
  it('an edit of a message older than the webhook is a message.updated, not a message.created', () => {
    // The conversation and its message 3 predate the webhook; the message is edited after it was added.
    const edited = message(3, { body: 'fixed', editedAt: '2026-11-30T10:05:00.000Z' });
    const first = eventsOf(
      null,
      { conversation: conversation({ lastSeq: 3 }), messages: [edited] },
      {
        notes: false,
        since: '2026-11-30T10:02:00.000Z',
      },
    );
    expect(first.events.map((e) => e.type)).toEqual(['message.updated']);
  });

  it('a rating given to a conversation older than the webhook is a rating.created', () => {
    const rated = conversation({
      status: 'resolved',
      rating: { score: 2, comment: 'slow', at: '2026-11-30T10:05:00.000Z' },
    });
    const first = eventsOf(
      null,
      { conversation: rated, messages: [] },
      {
        notes: false,
        since: '2026-11-30T10:02:00.000Z',
      },
    );
    expect(first.events.map((e) => e.type)).toContain('rating.created');
  });
});
