// applyFrame, one case per frame type: the new state and the effect the chat owner must run.
import { describe, expect, it } from 'vitest';
import type { VisitorServerFrame } from '../../../protocol';
import golden from '../../../protocol/fixtures/visitor-server.json';
import { conversation, message } from './fakes';
import { adopt, applyFrame, emptyConv, type ConvState } from './frames';

const pending = (clientId: string) => ({ clientId, body: 'hi', createdAt: '', state: 'sending' as const });
const base = (over: Partial<ConvState> = {}): ConvState => ({
  ...emptyConv([pending('c1')]),
  ...over,
});

/** applyFrame's [state, effect] pair, named for the assertions. */
const apply = (...args: Parameters<typeof applyFrame>) => {
  const [state, effect] = applyFrame(...args);
  return { state, effect };
};

describe('applyFrame', () => {
  it('hello adopts the conversation and its read marks, and asks for the outbox', () => {
    const conv = conversation({ visitorReadSeq: 4, agentReadSeq: 3 });
    const at = '2026-01-01T00:05:00.000Z';
    const r = apply(base(), { type: 'hello', conversation: conv, lastSeq: 4, you: { role: 'visitor', id: 'v1' }, at });
    // The hello's server time is the `since` of the next resume.
    expect(r.state).toMatchObject({ conv, readSeq: 4, agentReadSeq: 3, at });
    expect(r.effect).toEqual({ type: 'flush' });
  });

  it('ack turns the pending message into a stored one with its seq (the resume point moves past it)', () => {
    const r = apply(base(), { type: 'ack', clientId: 'c1', id: 'm7', seq: 7 });
    expect(r.state.log.pending).toEqual([]);
    expect(r.state.log.messages[0]).toMatchObject({ id: 'm7', seq: 7, clientId: 'c1', sender: { type: 'visitor' } });
    expect(r.effect).toBeUndefined();
  });

  it('message from an agent: merged, typing cleared, a reply effect; a duplicate changes nothing', () => {
    const m = message(1);
    const r = apply(base({ typing: 'Ann' }), { type: 'message', message: m });
    expect(r.state.log.messages).toEqual([m]);
    expect(r.state.typing).toBeNull();
    expect(r.effect).toEqual({ type: 'reply', message: m });
    const again = apply(r.state, { type: 'message', message: m });
    expect(again.state.log).toBe(r.state.log);
    expect(again.effect).toBeUndefined();
  });

  it("message: the visitor's own retires its pending bubble; a system line neither beeps nor clears typing", () => {
    const own = message(2, { sender: { type: 'visitor' }, clientId: 'c1' } as never);
    expect(apply(base(), { type: 'message', message: own }).state.log.pending).toEqual([]);
    const sys = message(3, { kind: 'system' });
    const r = apply(base({ typing: 'Ann' }), { type: 'message', message: sys });
    expect(r.state.typing).toBe('Ann');
    expect(r.effect).toBeUndefined();
  });

  it('read moves the matching mark forward only', () => {
    const s = base({ readSeq: 5, agentReadSeq: 5 });
    expect(apply(s, { type: 'read', by: 'agent', seq: 9 }).state).toMatchObject({ agentReadSeq: 9, readSeq: 5 });
    expect(apply(s, { type: 'read', by: 'visitor', seq: 7 }).state).toMatchObject({ agentReadSeq: 5, readSeq: 7 });
    expect(apply(s, { type: 'read', by: 'visitor', seq: 2 }).state.readSeq).toBe(5);
  });

  it('typing from an agent sets the name (or "") and arms the expiry; the visitor\'s own echo is ignored', () => {
    const on = apply(base(), { type: 'typing', sender: { type: 'agent' }, on: true });
    expect(on.state.typing).toBe('');
    expect(on.effect).toEqual({ type: 'typing', on: true });
    const off = apply(on.state, { type: 'typing', sender: { type: 'agent', name: 'Ann' }, on: false });
    expect(off.state.typing).toBeNull();
    expect(off.effect).toEqual({ type: 'typing', on: false });
    expect(apply(base(), { type: 'typing', sender: { type: 'visitor' }, on: true }).effect).toBeUndefined();
  });

  it("conversation adopts the new copy; another conversation's copy is ignored", () => {
    const s = adopt(base(), conversation());
    const resolved = conversation({ status: 'resolved', assigneeName: 'Ann' });
    expect(apply(s, { type: 'conversation', conversation: resolved }).state.conv).toBe(resolved);
    expect(apply(s, { type: 'conversation', conversation: conversation({ id: 'cv_2' }) }).state).toEqual(s);
  });

  it('error with a clientId fails that message and shows the notice', () => {
    const r = apply(base(), { type: 'error', code: 'rate_limited', message: '', clientId: 'c1' });
    expect(r.state.log.pending[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    expect(r.effect).toEqual({ type: 'notice', code: 'rate_limited' });
  });

  it('error chat_unavailable blocks, and nothing else', () => {
    const s = base();
    expect(apply(s, { type: 'error', code: 'chat_unavailable', message: '', clientId: 'c1' })).toEqual({
      state: s,
      effect: { type: 'block' },
    });
  });

  it('pong changes nothing', () => {
    const s = base();
    expect(apply(s, { type: 'pong' })).toEqual({ state: s });
    // Nor is the state passed in ever changed.
    const before = structuredClone(s);
    applyFrame(s, { type: 'read', by: 'agent', seq: 3 });
    expect(s).toEqual(before);
  });
});

describe('the golden visitor frames (protocol/fixtures, checked against the server by the worker tests)', () => {
  it('each applies without throwing, and the message frame merges and settles its pending copy', () => {
    const frames = golden as Record<string, VisitorServerFrame>;
    let s = base({
      log: {
        messages: [],
        pending: [{ ...pending(golden.message.message.clientId!), body: golden.message.message.body }],
      },
    });
    for (const [name, frame] of Object.entries(frames)) {
      if (name == 'error' && (frame as { code: string }).code == 'chat_unavailable') continue;
      s = apply(s, frame).state;
    }
    expect(s.conv?.id).toBe(golden.hello.conversation.id);
    expect(s.log.messages.map((m) => m.seq)).toContain(golden.message.message.seq);
    expect(s.log.pending).toEqual([]);
  });
});
