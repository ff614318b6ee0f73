// Issue 9 item 7: the 64 KiB JSON limit is skipped only by the two upload routes (POST …/conversations/:id/files),
// not by any path that merely ends in /files: such a JSON route would read a chunked body to its end.
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { countingStream, conversationFixture, ORIGIN, workspaceWithSite } from '../test/helpers';

const send = (method: string, path: string, token: string, body: BodyInit, type = 'application/json') =>
  exports.default.fetch(`https://parley.test${path}`, {
    method,
    body,
    duplex: 'half',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, 'X-Filename': 'a.txt', Origin: ORIGIN },
  } as RequestInit);

const suffixed = [
  ['PATCH', '/api/sites/files'],
  ['PATCH', '/api/articles/files'],
  ['PATCH', '/api/canned-responses/files'],
  ['PATCH', '/api/departments/files'],
  ['PATCH', '/api/agents/files'],
  ['PATCH', '/api/conversations/x/files'],
  ['POST', '/api/conversations/x/files/files'],
  ['POST', '/api/widget/files'],
];
for (const [method, path] of suffixed) {
  it(`${method} ${path} with an 8 MB chunked JSON body stops soon after 64 KiB (413)`, async () => {
    const { owner } = await workspaceWithSite();
    const { body, counter } = countingStream(8 * 1024 * 1024);
    const res = await send(method, path, owner.token, body);
    await res.text();
    expect({ status: res.status, pulledUnder2MB: counter.pulled < 2 * 1024 * 1024 }).toEqual({
      status: 413,
      pulledUnder2MB: true,
    });
  });
}

it('the upload routes still take files over 64 KiB (visitor and agent)', async () => {
  const { owner, visitor, conversation } = await conversationFixture();
  const file = 'x'.repeat(200 * 1024);
  expect(
    (await send('POST', `/api/widget/conversations/${conversation.id}/files`, visitor.token, file, 'text/plain'))
      .status,
  ).toBe(201);
  expect(
    (await send('POST', `/api/conversations/${conversation.id}/files`, owner.token, file, 'text/plain')).status,
  ).toBe(201);
});
