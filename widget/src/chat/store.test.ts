// Unit tests of the widget's pure message state over client/messages: merge by seq, pending bubbles, outbox persistence.
import { describe, expect, it } from 'vitest';
import type { VisitorMessage as Message } from '../../../protocol';
import * as S from './store';

const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: 'm' + seq,
  seq,
  sender: { type: 'agent', name: 'Ann' },
  kind: 'text',
  body: 'body ' + seq,
  createdAt: '2026-01-01T10:00:00.000Z',
  ...extra,
});
const pending = (clientId: string, extra: Partial<S.Pending> = {}): S.Pending => ({
  clientId,
  body: 'hi ' + clientId,
  createdAt: '2026-01-01T10:00:00.000Z',
  state: 'queued',
  ...extra,
});

describe('mergeMessages', () => {
  it('sorts by seq and never duplicates a seq (history, replay and live overlap)', () => {
    let s = S.mergeMessages(S.emptyChat, [msg(2), msg(1)]).state;
    const r = S.mergeMessages(s, [msg(2), msg(3), msg(1)]);
    s = r.state;
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(r.added.map((m) => m.seq)).toEqual([3]);
    expect(S.lastSeq(s)).toBe(3);
    expect(S.firstSeq(s)).toBe(1);
  });

  it('returns the same state object when nothing is new', () => {
    const s = S.mergeMessages(S.emptyChat, [msg(1)]).state;
    expect(S.mergeMessages(s, [msg(1)]).state).toBe(s);
  });

  it('drops internal notes defensively', () => {
    const r = S.mergeMessages(S.emptyChat, [msg(1, { kind: 'note' } as unknown as Partial<Message>), msg(2)]);
    expect(r.state.messages.map((m) => m.seq)).toEqual([2]);
  });

  it('replaces the pending bubble when the message with its clientId arrives', () => {
    let s = S.addPending(S.emptyChat, pending('c1'));
    s = S.mergeMessages(s, [msg(1, { clientId: 'c1', sender: { type: 'visitor' } })]).state;
    expect(s.pending).toEqual([]);
    expect(S.toItems(s)).toHaveLength(1);
    expect(S.toItems(s)[0]).toMatchObject({ key: 'c1', seq: 1, state: 'sent', sender: 'visitor' });
  });

  it('an acked message stays stored when its echo arrives: the server copy replaces the one built from the ack', () => {
    let s = S.addPending(S.emptyChat, pending('c1'));
    s = S.ackPending(s, 'c1', 4, 'm4');
    const r = S.mergeMessages(s, [
      msg(4, { clientId: 'c1', body: 'hi c1', sender: { type: 'visitor' }, createdAt: '2026-01-01T10:00:01.000Z' }),
    ]);
    expect(r.added).toEqual([]);
    expect(r.state.messages).toHaveLength(1);
    expect(r.state.messages[0]!.createdAt).toBe('2026-01-01T10:00:01.000Z');
  });
});

describe('pending and outbox', () => {
  it('an ack turns the pending message into a stored one (shown sent), or just drops it when the message already arrived', () => {
    let s = S.addPending(S.emptyChat, pending('c1'));
    s = S.ackPending(s, 'c1', 7, 'm7');
    expect(s.pending).toEqual([]);
    expect(s.messages[0]).toMatchObject({
      id: 'm7',
      seq: 7,
      clientId: 'c1',
      body: 'hi c1',
      sender: { type: 'visitor' },
    });
    expect(S.toItems(s)[0]).toMatchObject({ key: 'c1', seq: 7, state: 'sent' });
    expect(S.lastSeq(s)).toBe(7);
    let t = S.addPending(S.emptyChat, pending('c2'));
    const echo = msg(9, { sender: { type: 'visitor' }, body: 'server copy' });
    t = S.mergeMessages(t, [echo]).state;
    t = S.ackPending(t, 'c2', 9, 'm9');
    expect(t.pending).toEqual([]);
    expect(t.messages).toEqual([echo]);
  });

  it('ignores a clientId added twice', () => {
    const s = S.addPending(S.emptyChat, pending('c1'));
    expect(S.addPending(s, pending('c1'))).toBe(s);
  });

  it('keeps refused messages failed until Retry, and resends the others (queued or on the wire)', () => {
    let s = S.addPending(S.emptyChat, pending('a'));
    s = S.addPending(s, pending('b'));
    s = S.addPending(s, pending('c', { state: 'sending' }));
    s = S.addPending(s, pending('d'));
    s = S.setPending(s, 'a', 'failed', 'rate_limited');
    s = S.setPending(s, 'b', 'failed', 'too_large');
    expect(s.pending.map((p) => p.state)).toEqual(['failed', 'failed', 'sending', 'queued']);
    expect(S.toSend(s).map((p) => p.clientId)).toEqual(['c', 'd']);
    s = S.setPending(s, 'a', 'queued');
    expect(s.pending[0]).toMatchObject({ state: 'queued', error: undefined });
    // A late error for a message already stored changes nothing.
    s = S.ackPending(s, 'c', 3, 'm3');
    expect(S.setPending(s, 'c', 'failed', 'rate_limited')).toBe(s);
  });

  it('that the conversation could not start fails every message not refused yet', () => {
    let s = S.addPending(S.emptyChat, pending('a'));
    s = S.addPending(s, pending('b', { state: 'failed', error: 'too_large' }));
    s = S.failAll(s, 'rate_limited');
    expect(s.pending.map((p) => [p.state, p.error])).toEqual([
      ['failed', 'rate_limited'],
      ['failed', 'too_large'],
    ]);
    expect(S.failAll(s, 'x')).toBe(s);
  });

  it('persists the pending messages and restores them queued (too large ones stay failed)', () => {
    let s = S.addPending(S.emptyChat, pending('a'));
    s = S.addPending(s, pending('b'));
    s = S.addPending(s, pending('c'));
    s = S.ackPending(s, 'b', 1, 'm1');
    s = S.setPending(s, 'a', 'failed', 'rate_limited');
    s = S.setPending(s, 'c', 'failed', 'too_large');
    const back = S.parseOutbox(S.serializeOutbox(s));
    expect(back).toEqual([
      { clientId: 'a', body: 'hi a', createdAt: '2026-01-01T10:00:00.000Z', state: 'queued', error: undefined },
      { clientId: 'c', body: 'hi c', createdAt: '2026-01-01T10:00:00.000Z', state: 'failed', error: 'too_large' },
    ]);
    expect(S.serializeOutbox(S.emptyChat)).toBeNull();
  });

  it('tolerates a corrupt outbox', () => {
    expect(S.parseOutbox('not json')).toEqual([]);
    expect(S.parseOutbox('{"a":1}')).toEqual([]);
    expect(S.parseOutbox('[null,{"clientId":"x"},{"clientId":"y","body":"ok"}]').map((p) => p.clientId)).toEqual(['y']);
    expect(S.parseOutbox(null)).toEqual([]);
  });
});

describe('items and unread', () => {
  it('orders stored (and acked) messages by seq, pending ones last in writing order, shown as sending or failed', () => {
    let s = S.mergeMessages(S.emptyChat, [msg(1), msg(3)]).state;
    s = S.addPending(s, pending('x'));
    s = S.addPending(s, pending('y'));
    s = S.addPending(s, pending('z', { state: 'failed', error: 'rate_limited' }));
    s = S.ackPending(s, 'y', 2, 'm2');
    expect(S.toItems(s).map((i) => [i.key, i.state])).toEqual([
      ['s1', undefined],
      ['y', 'sent'],
      ['s3', undefined],
      ['x', 'sending'],
      ['z', 'failed'],
    ]);
  });

  it('counts agent messages after the read mark only', () => {
    const s = S.mergeMessages(S.emptyChat, [
      msg(1),
      msg(2, { sender: { type: 'visitor' } }),
      msg(3),
      msg(4, { sender: { type: 'system' } }),
    ]).state;
    expect(S.unreadCount(s, 0)).toBe(2);
    expect(S.unreadCount(s, 1)).toBe(1);
    expect(S.unreadCount(s, 4)).toBe(0);
  });

  it('keeps lifecycle system lines in the seq bookkeeping, renders them as system rows, never counts them unread', () => {
    const sys = (seq: number, body: string) => msg(seq, { sender: { type: 'system' }, kind: 'system', body });
    let s = S.mergeMessages(S.emptyChat, [msg(1), sys(2, 'Ann claimed the conversation')]).state;
    // Replay after a reconnect overlaps: no duplicate, and resume continues after the system line.
    const r = S.mergeMessages(s, [sys(2, 'Ann claimed the conversation'), sys(3, 'Resolved by Ann')]);
    s = r.state;
    expect(r.added.map((m) => m.seq)).toEqual([3]);
    expect(S.lastSeq(s)).toBe(3);
    expect(S.toItems(s).map((i) => i.sender)).toEqual(['agent', 'system', 'system']);
    expect(S.unreadCount(s, 1)).toBe(0);
    // Even when a server names the agent as the sender of a system line.
    s = S.mergeMessages(s, [msg(4, { kind: 'system', body: 'Ann reopened' })]).state;
    expect(S.toItems(s)[3].sender).toBe('system');
    expect(S.unreadCount(s, 1)).toBe(0);
  });
});

describe('deleted messages', () => {
  it('replaces a stored message by seq when its deletion arrives (same id and seq, empty body, deletedAt)', () => {
    const s = S.mergeMessages(S.emptyChat, [msg(1), msg(2), msg(3)]).state;
    const r = S.mergeMessages(s, [msg(2, { body: '', deletedAt: '2026-01-01T10:05:00.000Z' })]);
    expect(r.state).not.toBe(s);
    // Not new: no beep, no 'message' event, no unread bump.
    expect(r.added).toEqual([]);
    expect(r.state.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(r.state.messages[1]).toMatchObject({ id: 'm2', body: '', deletedAt: '2026-01-01T10:05:00.000Z' });
    expect(S.toItems(r.state).map((i) => i.deleted)).toEqual([false, true, false]);
    // Replaying the same deletion (reconnect, history) changes nothing.
    expect(S.mergeMessages(r.state, [msg(2, { body: '', deletedAt: '2026-01-01T10:05:00.000Z' })]).state).toBe(r.state);
  });

  it('a deleted reply no longer counts as unread, live or from history (the badge goes back down)', () => {
    const s = S.mergeMessages(S.emptyChat, [msg(1), msg(2)]).state;
    expect(S.unreadCount(s, 0)).toBe(2);
    const live = S.mergeMessages(s, [msg(2, { body: '', deletedAt: '2026-01-01T10:05:00.000Z' })]).state;
    expect(S.unreadCount(live, 0)).toBe(1);
    // After a reload the history already carries the deletion.
    const reloaded = S.mergeMessages(S.emptyChat, [msg(1, { body: '', deletedAt: '2026-01-01T10:05:00.000Z' })]).state;
    expect(S.unreadCount(reloaded, 0)).toBe(0);
  });

  it('keeps history that arrives already deleted, and never lets an older copy undo a deletion', () => {
    const gone = msg(1, { body: '', deletedAt: '2026-01-01T10:05:00.000Z' });
    const s = S.mergeMessages(S.emptyChat, [gone]).state;
    expect(S.toItems(s)[0]).toMatchObject({ seq: 1, deleted: true, body: '' });
    expect(S.mergeMessages(s, [msg(1)]).state).toBe(s);
  });

  it('lets a newer copy of a known seq replace the old one (client/messages: one rule with the console)', () => {
    const s = S.mergeMessages(S.emptyChat, [msg(1)]).state;
    const r = S.mergeMessages(s, [msg(1, { body: 'fixed' })]);
    expect(r.added).toEqual([]);
    expect(r.state.messages[0]!.body).toBe('fixed');
  });
});

describe('editing in the rows', () => {
  const own = (seq: number, extra: Partial<Message> = {}) => msg(seq, { sender: { type: 'visitor' }, ...extra });

  it('marks the visitor’s own texts after the last agent answer editable, and edited ones edited', () => {
    const s = S.mergeMessages(S.emptyChat, [
      own(1),
      msg(2),
      own(3, { editedAt: '2026-01-01T10:05:00.000Z', body: 'fixed' }),
      msg(4, { kind: 'system', sender: { type: 'system' } }),
      own(5, { deletedAt: '2026-01-01T10:05:00.000Z', body: '' }),
    ]).state;
    const rows = S.toItems(s);
    expect(rows.map((r) => r.editable)).toEqual([false, false, true, false, false]);
    expect(rows.map((r) => r.edited)).toEqual([false, false, true, false, false]);
    expect(rows[2]).toMatchObject({ id: 'm3', body: 'fixed' });
  });

  it('takes the edited copy over the one it replaces, and not the other way round', () => {
    const s = S.mergeMessages(S.emptyChat, [own(1)]).state;
    const edited = S.mergeMessages(s, [own(1, { body: 'fixed', editedAt: '2026-01-01T10:05:00.000Z' })]).state;
    expect(edited.messages[0]!.body).toBe('fixed');
    expect(S.mergeMessages(edited, [own(1)]).state).toBe(edited);
  });
});
