import { describe, expect, it } from 'vitest';
import { highestSeq, markPending, mergeBySeq, resumeSince, settlePending, toResend, type Pending } from './messages';

const msg = (seq: number, extra: Record<string, unknown> = {}) => ({ id: `m${seq}`, seq, body: `b${seq}`, ...extra });
const pending = (clientId: string, state: Pending['state'] = 'queued'): Pending => ({
  clientId,
  body: 'x',
  createdAt: 't',
  state,
});

describe('mergeBySeq', () => {
  it('orders by seq, never duplicates a seq, and lists what was new', () => {
    const { messages, added } = mergeBySeq([msg(1), msg(3)], [msg(2), msg(3), msg(2)]);
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(added.map((m) => m.seq)).toEqual([2]);
  });

  it('returns the same array when nothing changed (a replay of what is held)', () => {
    const held = [msg(1), msg(2)];
    const { messages, added } = mergeBySeq(held, [msg(1), msg(2)]);
    expect(messages).toBe(held);
    expect(added).toEqual([]);
  });

  it('lets a newer copy replace an older one (the server copy over one built from an ack)', () => {
    const { messages, added } = mergeBySeq([msg(1, { createdAt: 'local' })], [msg(1, { createdAt: 'server' })]);
    expect(messages[0]).toMatchObject({ createdAt: 'server' });
    expect(added).toEqual([]);
  });

  it('applies a deletion, and a deletion is final: an older copy does not bring the text back', () => {
    const deleted = msg(1, { body: '', deletedAt: 'd' });
    const afterDelete = mergeBySeq([msg(1)], [deleted]).messages;
    expect(afterDelete[0]).toEqual(deleted);
    expect(mergeBySeq(afterDelete, [msg(1)]).messages).toBe(afterDelete);
  });

  it('applies an edit, and never undoes it: a copy from before the edit (or an earlier edit) is ignored', () => {
    const first = msg(1, { body: 'fixed', editedAt: '2026-05-04T09:31:00.000Z' });
    const edited = mergeBySeq([msg(1)], [first]).messages;
    expect(edited[0]).toEqual(first);
    expect(mergeBySeq(edited, [msg(1)]).messages).toBe(edited);
    const second = msg(1, { body: 'fixed again', editedAt: '2026-05-04T09:32:00.000Z' });
    const again = mergeBySeq(edited, [second]).messages;
    expect(again[0]).toEqual(second);
    expect(mergeBySeq(again, [first]).messages).toBe(again);
    // A deletion after an edit still wins.
    const deleted = msg(1, { body: '', deletedAt: 'd' });
    expect(mergeBySeq(again, [deleted]).messages[0]).toEqual(deleted);
  });
});

describe('pending messages', () => {
  it('settle when their clientId comes back stored, and stay the same array otherwise', () => {
    const list = [pending('a'), pending('b')];
    expect(settlePending(list, [msg(1, { clientId: 'a' })]).map((p) => p.clientId)).toEqual(['b']);
    expect(settlePending(list, [msg(1)])).toBe(list);
  });

  it('resend everything but what the server refused', () => {
    const list = [pending('a', 'queued'), pending('b', 'sending'), pending('c', 'failed')];
    expect(toResend(list).map((p) => p.clientId)).toEqual(['a', 'b']);
  });

  it('change state one at a time, clearing the error unless given', () => {
    const failed = markPending([pending('a'), pending('b')], 'a', 'failed', 'rate_limited');
    expect(failed[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    expect(markPending(failed, 'a', 'queued')[0].error).toBeUndefined();
    expect(failed[1].state).toBe('queued');
  });

  it('highestSeq is the resume point, 0 when empty', () => {
    expect(highestSeq([])).toBe(0);
    expect(highestSeq([msg(4), msg(9), msg(2)])).toBe(9);
  });
});

describe('resumeSince', () => {
  const at = (seq: number, createdAt: string, extra: Record<string, string> = {}) => ({
    ...msg(seq),
    createdAt,
    ...extra,
  });
  it("is the last hello's time when there was one, whatever the messages say", () => {
    expect(resumeSince([at(1, '2026-01-01T00:30:00.000Z')], '2026-01-01T00:10:00.000Z')).toBe(
      '2026-01-01T00:10:00.000Z',
    );
  });

  it('before any hello: the newest server time among the messages held, edits and deletions included', () => {
    const held = [
      at(1, '2026-01-01T00:01:00.000Z', { editedAt: '2026-01-01T00:09:00.000Z' }),
      at(2, '2026-01-01T00:02:00.000Z', { deletedAt: '2026-01-01T00:05:00.000Z' }),
      at(3, '2026-01-01T00:03:00.000Z'),
    ];
    expect(resumeSince(held)).toBe('2026-01-01T00:09:00.000Z');
    expect(resumeSince([])).toBe('');
  });
});
