// Issue 9, item 10: whatever the console shortens (notifications, excerpts, tags) keeps whole characters.
import { describe, expect, it } from 'vitest';
import { truncateText } from '../../../protocol/text';
import { makeConversation, makeDelta } from './fixture';
import { excerpt } from './kb';
import { noticesFor } from './notify';
import { parseTags } from './tags';

/** Whether a string has a lone surrogate (half an emoji). */
const broken = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇫🇷', 'e\u0301'];

describe('console truncation cuts on whole characters', () => {
  it('notification bodies: the 140-character preview from the server, and a longer one cut again with an ellipsis', () => {
    const previous = makeConversation('c1', 1, { assigneeId: null, agentUnread: 0 });
    const notice = (preview: string) => {
      const delta = makeDelta('c1', 2, { assigneeId: null, agentUnread: 1, lastMessagePreview: preview });
      return noticesFor(
        { type: 'event', event: { type: 'conversation.delta', delta }, previous },
        { me: 'me', openId: null, focused: false },
      )[0]!.body;
    };
    for (const ch of EMOJI) {
      const text = 'a'.repeat(139) + ch + ' more';
      // What the server puts in the preview (snapshot.ts): whole characters, no ellipsis.
      const fromServer = notice(truncateText(text, 140));
      expect(fromServer.length).toBeLessThanOrEqual(140);
      expect(broken(fromServer)).toBe(false);
      const longer = notice(text);
      expect(longer.length).toBeLessThanOrEqual(140);
      expect(broken(longer)).toBe(false);
      expect(longer).toBe(`${'a'.repeat(139)}…`);
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
