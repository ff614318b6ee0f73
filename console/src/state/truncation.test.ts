// Issue 9, item 10: whatever the console shortens (notifications, excerpts, tags) keeps whole characters.
import { describe, expect, it } from 'vitest';
import type { Message, SiteServerFrame } from '../../../worker/src/protocol';
import { makeConversation } from './fixture';
import { excerpt } from './kb';
import { noticeFor } from './notify';
import { parseTags } from './tags';

/** Whether a string has a lone surrogate (half an emoji). */
const broken = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇫🇷', 'e\u0301'];

describe('console truncation cuts on whole characters', () => {
  it('notification bodies: 139 letters and an emoji', () => {
    for (const ch of EMOJI) {
      const message: Message = { id: 'm', seq: 1, sender: { type: 'visitor' }, kind: 'text', body: 'a'.repeat(139) + ch + ' more', createdAt: '2026-01-01T00:00:00Z' };
      const frame: SiteServerFrame = { type: 'message.created', conversationId: 'c1', message, conversation: makeConversation('c1', 1, { assigneeId: null }) };
      const body = noticeFor(frame, { me: 'me', openId: null, focused: false })!.body;
      expect(body.length).toBeLessThanOrEqual(140);
      expect(broken(body)).toBe(false);
      expect(body).toBe(`${'a'.repeat(139)}…`);
    }
  });

  it('article excerpts and tags', () => {
    for (const ch of EMOJI) {
      expect(broken(excerpt('x'.repeat(139) + ch.repeat(3), 140))).toBe(false);
      const [tag] = parseTags('t'.repeat(39) + ch);
      expect(broken(tag!)).toBe(false);
      expect(tag!.length).toBeLessThanOrEqual(40);
    }
  });
});
