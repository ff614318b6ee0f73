import { describe, expect, it } from 'vitest';
import type { Message, SiteServerFrame } from '../../../worker/src/protocol';
import { makeConversation } from './fixture';
import { channels, noticeFor, tabTitle } from './notify';

const ctx = { me: 'me', openId: null, focused: true };
const message = (extra: Partial<Message> = {}): Message => ({
  id: 'm1', seq: 1, sender: { type: 'visitor' }, kind: 'text', body: 'Where is my order?', createdAt: '2026-01-01T00:00:00Z', ...extra,
});
const created = (assigneeId: string | null = null): SiteServerFrame => ({ type: 'conversation.created', conversation: makeConversation('c1', 1, { assigneeId }) });
const posted = (extra: Partial<Message> = {}, assigneeId: string | null = null): SiteServerFrame => ({
  type: 'message.created', conversationId: 'c1', message: message(extra), conversation: makeConversation('c1', 1, { assigneeId }),
});

describe('noticeFor', () => {
  it('tells about new conversations that are unassigned or mine', () => {
    expect(noticeFor(created(), ctx)).toMatchObject({ title: 'New conversation', conversationId: 'c1' });
    expect(noticeFor(created('me'), ctx)).not.toBeNull();
    expect(noticeFor(created('someone-else'), ctx)).toBeNull();
  });
  it('tells about visitor messages only', () => {
    expect(noticeFor(posted(), ctx)).toMatchObject({ body: 'Where is my order?' });
    expect(noticeFor(posted({ sender: { type: 'agent', id: 'x' } }), ctx)).toBeNull();
    expect(noticeFor(posted({ sender: { type: 'system' }, kind: 'system' }), ctx)).toBeNull();
    expect(noticeFor(posted({ deletedAt: '2026-01-01T00:00:01Z', body: '' }), ctx)).toBeNull();
  });
  it('skips conversations assigned to someone else', () => {
    expect(noticeFor(posted({}, 'other'), ctx)).toBeNull();
    expect(noticeFor(posted({}, 'me'), ctx)).not.toBeNull();
  });
  it('skips the conversation open on screen while the tab is focused, not when it is in the background', () => {
    expect(noticeFor(posted(), { ...ctx, openId: 'c1' })).toBeNull();
    expect(noticeFor(posted(), { ...ctx, openId: 'c1', focused: false })).not.toBeNull();
    expect(noticeFor(posted(), { ...ctx, openId: 'c2' })).not.toBeNull();
  });
  it('ignores presence and other frames', () => {
    expect(noticeFor({ type: 'presence', agents: [] }, ctx)).toBeNull();
    expect(noticeFor({ type: 'conversation.updated', conversation: makeConversation('c1', 1) }, ctx)).toBeNull();
  });
  it('names files by their file name', () => {
    const file = { id: 'f', name: 'invoice.pdf', size: 1, type: 'application/pdf', url: '/f' };
    expect(noticeFor(posted({ kind: 'file', body: '', file }), ctx)?.body).toBe('invoice.pdf');
  });
});

describe('channels and tabTitle', () => {
  const all = { desktop: true, sound: true, title: true };
  it('shows desktop notifications only when wanted and allowed', () => {
    expect(channels(all, 'granted')).toEqual({ desktop: true, sound: true });
    expect(channels(all, 'default').desktop).toBe(false);
    expect(channels({ ...all, desktop: false, sound: false }, 'granted')).toEqual({ desktop: false, sound: false });
  });
  it('puts the unread count in the title unless turned off', () => {
    expect(tabTitle('Parley', 3, all)).toBe('(3) Parley');
    expect(tabTitle('Parley', 0, all)).toBe('Parley');
    expect(tabTitle('Parley', 3, { ...all, title: false })).toBe('Parley');
  });
});
