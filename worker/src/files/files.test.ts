import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { connect, conversationFixture, ORIGIN, paths, registerOwner, visitorSession } from '../../test/helpers';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** Upload raw bytes the way the widget and console do. */
const upload = (path: string, token: string, body: BodyInit, type: string, name = 'photo.png', origin = ORIGIN) =>
  exports.default.fetch(`https://parley.test${path}`, {
    method: 'POST',
    body,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': type,
      'X-Filename': encodeURIComponent(name),
      Origin: origin,
    },
  });
const download = (url: string, token?: string, origin = ORIGIN) =>
  exports.default.fetch(`https://parley.test${url}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), Origin: origin },
  });

describe('attachments', () => {
  it('a visitor uploads an image: stored in R2, posted as a file message live, downloadable by the agent', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    const res = await upload(
      `/api/widget/conversations/${conversation.id}/files`,
      visitor.token,
      PNG,
      'image/png',
      '../../etc/my photo.png',
    );
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as {
      message: { kind: string; file: { url: string; name: string; size: number; type: string } };
    };
    expect(message).toMatchObject({
      kind: 'file',
      file: { name: 'my photo.png', size: PNG.length, type: 'image/png' },
    });
    const live = await a.next((f) => f.type === 'message' && f.message.kind === 'file');
    expect(live.message.file.url).toBe(message.file.url);
    const got = await download(message.file.url, owner.token);
    expect(got.status).toBe(200);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(got.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    const mine = await download(message.file.url, visitor.token);
    expect(mine.status).toBe(200);
    await mine.arrayBuffer();
    a.close();
  });

  it('an agent attaches a PDF, which downloads as an attachment', async () => {
    const { owner, visitor, conversation } = await conversationFixture();
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    const res = await upload(
      `/api/conversations/${conversation.id}/files`,
      owner.token,
      new TextEncoder().encode('%PDF-1.4 hi'),
      'application/pdf',
      'invoice.pdf',
    );
    expect(res.status).toBe(201);
    const live = await v.next((f) => f.type === 'message' && f.message.kind === 'file');
    expect(live.message.sender.type).toBe('agent');
    const got = await download(live.message.file.url, visitor.token);
    expect(got.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    await got.arrayBuffer();
    v.close();
  });

  it('refuses wrong types, files over 10 MB, empty files', async () => {
    const { visitor, conversation } = await conversationFixture();
    const path = `/api/widget/conversations/${conversation.id}/files`;
    const html = await upload(path, visitor.token, '<script>alert(1)</script>', 'text/html', 'x.html');
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: { code: string } }).error.code).toBe('unsupported_type');
    const svg = await upload(path, visitor.token, '<svg/>', 'image/svg+xml', 'x.svg');
    expect(svg.status).toBe(415);
    await svg.arrayBuffer();
    const big = await upload(path, visitor.token, new Uint8Array(10 * 1024 * 1024 + 1), 'image/png');
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('too_large');
    const empty = await upload(path, visitor.token, new Uint8Array(0), 'image/png');
    expect(empty.status).toBe(400);
    await empty.arrayBuffer();
  });

  it('lets only those who may see the conversation download', async () => {
    const { site, visitor, conversation } = await conversationFixture();
    const res = await upload(`/api/widget/conversations/${conversation.id}/files`, visitor.token, PNG, 'image/png');
    const { message } = (await res.json()) as { message: { file: { url: string } } };
    const other = await visitorSession(site.key);
    const stranger = await registerOwner('Eve');
    for (const [token, status] of [
      [undefined, 401],
      [other.token, 404],
      [stranger.token, 404],
    ] as const) {
      const got = await download(message.file.url, token);
      expect(got.status).toBe(status);
      await got.arrayBuffer();
    }
    const wrongOrigin = await download(message.file.url, visitor.token, 'https://evil.example');
    expect(wrongOrigin.status).toBe(403);
    await wrongOrigin.arrayBuffer();
    // Another visitor cannot upload into it either.
    const intruder = await upload(`/api/widget/conversations/${conversation.id}/files`, other.token, PNG, 'image/png');
    expect(intruder.status).toBe(404);
    await intruder.arrayBuffer();
  });
});
