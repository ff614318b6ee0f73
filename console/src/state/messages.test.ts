import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol';
import { highestSeq, markPending, mergeMessages, messageFromAck, settlePending, unsentPending, type PendingMessage } from './messages';

const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  seq,
  sender: { type: 'visitor' },
  kind: 'text',
  body: `body ${seq}`,
  createdAt: new Date(2026, 0, 1, 0, seq).toISOString(),
  ...extra,
});
const pending = (clientId: string, state: PendingMessage['state'] = 'queued'): PendingMessage => ({
  clientId,
  body: 'hi',
  kind: 'text',
  createdAt: '2026-01-01T00:00:00.000Z',
  state,
});

describe('mergeMessages', () => {
  it('orders by seq and drops duplicates, later copies winning', () => {
    const merged = mergeMessages([msg(3), msg(1)], [msg(2), msg(3, { body: 'server copy' })]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2].body).toBe('server copy');
  });
  it('replaces a message by a deleted copy with the same seq, and never brings it back', () => {
    const deleted = msg(2, { body: '', deletedAt: '2026-01-01T01:00:00.000Z' });
    const merged = mergeMessages([msg(1), msg(2)], [deleted]);
    expect(merged[1]).toEqual(deleted);
    expect(mergeMessages(merged, [msg(2)])[1]).toEqual(deleted);
  });
  it('returns the same array when nothing comes in', () => {
    const list = [msg(1)];
    expect(mergeMessages(list, [])).toBe(list);
  });
  it('handles an older history page arriving after live messages', () => {
    const live = mergeMessages([], [msg(10), msg(11)]);
    expect(mergeMessages(live, [msg(8), msg(9)]).map((m) => m.seq)).toEqual([8, 9, 10, 11]);
  });
});

describe('highestSeq', () => {
  it('is 0 for no messages and the max otherwise', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq([msg(4), msg(9), msg(2)])).toBe(9);
  });
});

describe('pending messages', () => {
  it('settles pending messages whose clientId was stored', () => {
    const left = settlePending([pending('a'), pending('b')], [msg(1, { clientId: 'a' })]);
    expect(left.map((p) => p.clientId)).toEqual(['b']);
  });
  it('keeps the same array when nothing settled', () => {
    const list = [pending('a')];
    expect(settlePending(list, [msg(1)])).toBe(list);
  });
  it('resends queued and sending messages but not failed ones', () => {
    const list = [pending('a', 'queued'), pending('b', 'sending'), pending('c', 'failed')];
    expect(unsentPending(list).map((p) => p.clientId)).toEqual(['a', 'b']);
  });
  it('marks one message', () => {
    const list = markPending([pending('a'), pending('b')], 'b', 'failed', 'too long');
    expect(list[1]).toMatchObject({ state: 'failed', error: 'too long' });
    expect(list[0].state).toBe('queued');
  });
  it('builds the stored message from an ack', () => {
    const m = messageFromAck({ ...pending('a'), kind: 'note' }, { id: 'x', seq: 7 }, { id: 'ag', name: 'Ann' });
    expect(m).toMatchObject({ id: 'x', seq: 7, clientId: 'a', kind: 'note', sender: { type: 'agent', id: 'ag', name: 'Ann' } });
  });
});
