// Unit test of the lazy conversation start: a refusal shows its notice (no form shows it on a first message),
// and every retry of the page's start carries the same clientKey.
import { describe, expect, it } from 'vitest';
import type { StartBody } from './api';
import { ensureConversation } from './boot';
import type { Chat } from './chat';
import type * as S from './store';

/** Just what ensureConversation reads of a Chat, with an API that refuses with `code`. */
function chatRefusedWith(status: number, code: string) {
  const bodies: StartBody[] = [];
  const c = {
    ck: 'page-key',
    sess: { token: 'tok' },
    api: {
      startConversation: (_t: string, body: StartBody) => {
        bodies.push(body);
        return Promise.reject(Object.assign(new Error(code), { status, code }));
      },
    },
    notice: null as string | null,
    s: { messages: [], pending: [{ clientId: 'm1', body: 'Hi', createdAt: '', state: 'sending' }] } as S.ChatState,
    update(s: S.ChatState) {
      this.s = s;
    },
    showNotice(k: string | null) {
      this.notice = k;
    },
  };
  return { c, chat: c as unknown as Chat, bodies };
}

describe('ensureConversation', () => {
  it('shows rate_limited when the start is refused, and retries with the same clientKey', async () => {
    const { c, chat, bodies } = chatRefusedWith(429, 'rate_limited');
    await expect(ensureConversation(chat)).rejects.toThrow('rate_limited');
    expect(c.notice).toBe('rate_limited');
    // The message waiting for that conversation fails with a Retry button: nothing retries it on its own.
    expect(c.s.pending[0]).toMatchObject({ state: 'failed', error: 'rate_limited' });
    await expect(ensureConversation(chat, { email: 'a@b.co', message: 'Hi' })).rejects.toThrow();
    expect(bodies).toEqual([{ clientKey: 'page-key' }, { email: 'a@b.co', message: 'Hi', clientKey: 'page-key' }]);
  });

  it('leaves the notice alone on a network failure (the offline status says it)', async () => {
    const { c, chat } = chatRefusedWith(0, '');
    await expect(ensureConversation(chat)).rejects.toThrow();
    expect(c.notice).toBe(null);
  });
});
