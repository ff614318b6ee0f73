// Break tests, issue 9 item 6: JSON nested deeply (within the 64 KiB body limit) must answer 4xx, never 500.
// cleanInput() walks the parsed value recursively before (validateOptionalJson, socket frames) or after a
// permissive schema (z.unknown() in site settings) has looked at it.
import { expect, it } from 'vitest';
import { api, connect, conversationFixture, paths, visitorSession, workspaceWithSite } from '../../test/helpers';

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

it('POST /api/widget/conversations with a 30,000-deep JSON array answers 400, not 500', async () => {
  const { site } = await workspaceWithSite();
  const v = await visitorSession(site.key);
  const res = await api('/api/widget/conversations', { token: v.token, body: deep(30_000) });
  expect(res.status).toBe(400);
});

it('PATCH /api/sites/:id {settings:{color: <30,000-deep array>}} answers 400, not 500', async () => {
  const { owner, site } = await workspaceWithSite();
  const res = await api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: `{"settings":{"color":${deep(30_000)}}}` });
  expect(res.status).toBe(400);
});

it('a visitor socket frame of 8,000 nested arrays gets an error frame and the socket keeps working', async () => {
  const { visitor, conversation } = await conversationFixture();
  const v = await connect(paths.visitor(conversation.id), visitor.token);
  v.send(`{"type":"send","clientId":"d","body":"x","pad":${deep(8000)}}`);
  await v.next((f) => f.type === 'error' || f.type === 'ack');
  v.send({ type: 'send', clientId: 'after', body: 'still here' });
  expect(await v.next((f) => f.type === 'ack' && f.clientId === 'after')).toBeTruthy();
  v.close();
});
