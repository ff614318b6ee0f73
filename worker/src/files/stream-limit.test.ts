// Issue 9, item 7: bodies are not read past their limit, and socket frames are measured before they are parsed.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countingStream, connect, conversationFixture, ORIGIN, paths, workspaceWithSite } from '../../test/helpers';
import { ATTACHMENTS, LIMITS } from '../../../protocol';

const post = (path: string, token: string, body: ReadableStream, type: string) =>
  exports.default.fetch(`https://parley.test${path}`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, 'X-Filename': 'big.txt', Origin: ORIGIN },
  } as RequestInit);

describe('request bodies stop at the limit', () => {
  it('a chunked upload without Content-Length is refused with 413 soon after 10 MB, not read to its end', async () => {
    const { visitor, conversation } = await conversationFixture();
    const { body, counter } = countingStream(24 * 1024 * 1024);
    const res = await post(`/api/widget/conversations/${conversation.id}/files`, visitor.token, body, 'text/plain');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expect(counter.pulled).toBeLessThan(ATTACHMENTS.maxBytes + 2 * 1024 * 1024);
  });

  it('a chunked JSON body is refused with 413 soon after 64 KiB', async () => {
    const { owner } = await workspaceWithSite();
    const { body, counter } = countingStream(8 * 1024 * 1024);
    const res = await post('/api/articles', owner.token, body, 'application/json');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expect(counter.pulled).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('socket frames are measured before they are parsed', () => {
  it('conversation sockets: a frame over 16 KiB in UTF-8 bytes is too_large even when its length in characters is under', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const a = await connect(paths.agent(conversation.id), owner.token);
    v.send(JSON.stringify({ type: 'typing', on: true, pad: 'é'.repeat(LIMITS.frameMax / 2) }));
    expect(await v.next((f) => f.type === 'error')).toMatchObject({ code: 'too_large' });
    const seen = v.frames.length;
    v.send('x'.repeat(LIMITS.frameMax + 1));
    expect(await v.next((f) => f.type === 'error', 5000, seen)).toMatchObject({ code: 'too_large' });
    v.send({ type: 'typing', on: true });
    await a.next((f) => f.type === 'typing');
    expect(a.of('typing')).toHaveLength(1); // the oversized typing frame was never relayed
    v.close();
    a.close();
  });

  it('the site socket answers too_large to an oversized frame', async () => {
    const { owner, site } = await workspaceWithSite();
    const s = await connect(paths.site(site.id), owner.token);
    s.send(JSON.stringify({ type: 'status', status: 'away', pad: 'x'.repeat(LIMITS.frameMax) }));
    expect(await s.next((f) => f.type === 'error')).toMatchObject({ code: 'too_large' });
    s.close();
  });
});
