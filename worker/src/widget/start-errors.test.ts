// Issue 13 item 4: a Durable Object's refusal reaches the visitor with its own code and the status of the one table.
// The widget's start route answered 429 rate_limited for any failure to post the offline message, not_found included.
import { env, runInDurableObject } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { api, conversationFixture } from '../../test/helpers';

it('a start whose message cannot be posted because the conversation is gone answers 404 not_found, not 429', async () => {
  const { visitor, conversation } = await conversationFixture();
  // D1 still lists the conversation as open, but its object holds nothing: posting to it answers not_found.
  await runInDurableObject(env.CONVERSATIONS.getByName(conversation.id), async (_instance, state) => {
    state.storage.sql.exec('DELETE FROM meta');
  });
  const res = await api('/api/widget/conversations', { token: visitor.token, body: { message: 'Are you there?' } });
  expect(res.body.error?.code).toBe('not_found');
  expect(res.status).toBe(404);
});
