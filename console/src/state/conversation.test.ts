import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../protocol';
import { TYPING_TIMEOUT_MS } from '../../../client/constants';
import {
  emptyConversationState,
  reduceConversation,
  type ConversationAction,
  type ConversationState,
} from './conversation';

const author = { id: 'ag1', name: 'Ann' };
const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  seq,
  sender: { type: 'visitor' },
  kind: 'text',
  body: `b${seq}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});
const conversation = { id: 'c1', visitorId: 'v123456789', visitorReadSeq: 0, agentReadSeq: 0 } as Conversation;
const run = (actions: ConversationAction[], state: ConversationState = emptyConversationState) =>
  actions.reduce(reduceConversation, state);
const frame = (f: unknown, now = 0): ConversationAction => ({ type: 'frame', frame: f as never, author, now });
const queue = (clientId: string): ConversationAction => ({
  type: 'queue',
  pending: { clientId, body: 'hello', kind: 'text', createdAt: '2026-01-01T00:00:00.000Z', state: 'queued' },
});

describe('reduceConversation', () => {
  it('merges history, replay and live frames by seq without duplicates', () => {
    const s = run([
      { type: 'history', messages: [msg(1), msg(2)], hasMore: true, older: false },
      frame({ type: 'message', message: msg(2) }),
      frame({ type: 'message', message: msg(3) }),
    ]);
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(s.hasMore).toBe(true);
  });

  it('keeps hasMore from older pages', () => {
    const s = run([
      { type: 'history', messages: [msg(5)], hasMore: true, older: false },
      { type: 'history', messages: [msg(4)], hasMore: false, older: true },
    ]);
    expect(s.hasMore).toBe(false);
    expect(s.messages.map((m) => m.seq)).toEqual([4, 5]);
  });

  it('turns an ack into a stored message and ignores a duplicate broadcast', () => {
    const s = run([
      queue('x'),
      { type: 'sending', clientIds: ['x'] },
      frame({ type: 'ack', clientId: 'x', id: 'm7', seq: 7 }),
    ]);
    expect(s.pending).toEqual([]);
    expect(s.messages).toMatchObject([{ seq: 7, clientId: 'x', sender: { type: 'agent', id: 'ag1' } }]);
    const after = run(
      [
        frame({ type: 'message', message: msg(7, { clientId: 'x', sender: { type: 'agent', id: 'ag1' } }) }),
        frame({ type: 'ack', clientId: 'x', id: 'm7', seq: 7 }),
      ],
      s,
    );
    expect(after.messages).toHaveLength(1);
  });

  it('settles a pending message when its broadcast arrives before the ack', () => {
    const s = run([queue('x'), frame({ type: 'message', message: msg(3, { clientId: 'x' }) })]);
    expect(s.pending).toEqual([]);
    expect(s.messages).toHaveLength(1);
  });

  it('marks a refused message failed, and retry queues it again', () => {
    let s = run([queue('x'), frame({ type: 'error', code: 'too_large', message: 'Too long', clientId: 'x' })]);
    expect(s.pending[0]).toMatchObject({ state: 'failed', error: 'Too long' });
    s = run([{ type: 'retry', clientId: 'x' }], s);
    expect(s.pending[0].state).toBe('queued');
    expect(run([{ type: 'discard', clientId: 'x' }], s).pending).toEqual([]);
  });

  it('shows other errors as a notice', () => {
    expect(run([frame({ type: 'error', code: 'closed', message: 'Closed' })]).notice).toBe('Closed');
  });

  it('shows the visitor typing, clears it on their message, and expires it', () => {
    let s = run([
      frame({
        type: 'hello',
        conversation,
        lastSeq: 0,
        you: { role: 'agent', id: 'ag1' },
        at: '2026-01-01T00:00:00.000Z',
      }),
      frame({ type: 'typing', sender: { type: 'visitor' }, on: true }, 1000),
    ]);
    expect(s.typing?.label).toBe('Visitor #v12345');
    expect(run([frame({ type: 'message', message: msg(1) })], s).typing).toBeNull();
    expect(run([{ type: 'typingExpired', now: 1000 + TYPING_TIMEOUT_MS - 1 }], s).typing).not.toBeNull();
    expect(run([{ type: 'typingExpired', now: 1000 + TYPING_TIMEOUT_MS }], s).typing).toBeNull();
    s = run([frame({ type: 'typing', sender: { type: 'visitor' }, on: false })], s);
    expect(s.typing).toBeNull();
  });

  it('ignores its own typing echo', () => {
    const s = run([
      frame({
        type: 'hello',
        conversation,
        lastSeq: 0,
        you: { role: 'agent', id: 'ag1' },
        at: '2026-01-01T00:00:00.000Z',
      }),
      frame({ type: 'typing', sender: { type: 'agent', id: 'ag1' }, on: true }),
    ]);
    expect(s.typing).toBeNull();
  });

  it('tracks the visitor read mark, never backwards', () => {
    const s = run([
      frame({ type: 'read', by: 'visitor', seq: 5 }),
      frame({ type: 'read', by: 'visitor', seq: 3 }),
      frame({ type: 'read', by: 'agent', seq: 9 }),
    ]);
    expect(s.visitorReadSeq).toBe(5);
  });
});
