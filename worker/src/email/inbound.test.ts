import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, connect, conversationFixture, paths } from '../../test/helpers';
import { handleInboundEmail } from './inbound';
import { replyAddress } from './links';
import { cloudflareProvider, resendProvider } from './providers';
import { stripReply } from './reply-text';

const raw = (to: string, text: string) =>
  [
    'From: Kim <kim@example.com>',
    `To: ${to}`,
    'Subject: Re: New reply from Shop',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
  ].join('\r\n');

describe('replies by email', () => {
  it('a reply with quoted history lands as one clean visitor message, live in the console', async () => {
    const { owner, conversation } = await conversationFixture();
    const a = await connect(paths.agent(conversation.id), owner.token);
    const to = await replyAddress(env, conversation.id);
    const body =
      'Yes, Tuesday works for me.\nThanks!\n\nOn Mon, 23 Nov 2026 at 10:00, Shop <support@parley.local>\nwrote:\n> We can deliver on Tuesday.\n> Does that suit you?\n\n-- \nKim, sent from the garden';
    expect(await handleInboundEmail(env, { to, from: 'kim@example.com', raw: raw(to, body) })).toBe('posted');
    const live = await a.next((f) => f.type === 'message' && f.message.sender.type === 'visitor');
    expect(live.message.body).toBe('Yes, Tuesday works for me.\nThanks!');
    const history = await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token });
    expect(history.body.messages).toHaveLength(1);
    a.close();
  });

  it('drops unsigned, forged and foreign addresses', async () => {
    const { owner, conversation } = await conversationFixture();
    const good = await replyAddress(env, conversation.id);
    const forged = good.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
    const rejected: string[] = [];
    for (const to of [
      `reply+${conversation.id}@parley.local`,
      forged,
      good.replace('@parley.local', '@evil.example'),
      'support@parley.local',
    ]) {
      expect(
        await handleInboundEmail(env, {
          to,
          from: 'x@example.com',
          raw: raw(to, 'hi'),
          setReject: (r) => rejected.push(r),
        }),
      ).toBe('dropped');
    }
    expect(rejected).toHaveLength(4);
    expect((await api(`/api/conversations/${conversation.id}/messages`, { token: owner.token })).body.messages).toEqual(
      [],
    );
  });

  it('strips common quoting styles', () => {
    expect(stripReply('Great\r\n\r\n> old\r\n> older')).toBe('Great');
    expect(stripReply('Merci !\n\nLe lun. 23 nov. 2026 à 10:00, Shop a écrit :\n> x')).toBe('Merci !');
    expect(stripReply('Ok\n\n-----Original Message-----\nFrom: Shop')).toBe('Ok');
    expect(stripReply('Sure\n\nSent from my iPhone')).toBe('Sure');
    expect(stripReply('> only quoted')).toBe('');
  });
});

describe('providers', () => {
  const mail = {
    workspaceId: 'ws',
    to: 'kim@example.com',
    from: 'Parley <support@parley.local>',
    replyTo: 'reply+x@parley.local',
    subject: 'Hi',
    text: 'Hello',
    html: '<p>Hello</p>',
    idempotencyKey: 'unread/cv/3',
  };

  it('Resend: POST /emails with the bearer key, an Idempotency-Key and its documented fields; a refusal throws', async () => {
    const seen: Request[] = [];
    const fake = (async (input: RequestInfo, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(JSON.stringify({ id: 'em_1' }), { status: 200 });
    }) as typeof fetch;
    await resendProvider({ ...env, RESEND_API_KEY: 're_test' }, fake).send(mail);
    const req = seen[0]!;
    expect(req.url).toBe('https://api.resend.com/emails');
    expect(req.method).toBe('POST');
    expect(req.headers.get('Authorization')).toBe('Bearer re_test');
    expect(req.headers.get('Idempotency-Key')).toBe('unread/cv/3');
    expect(await req.json()).toEqual({
      from: mail.from,
      to: ['kim@example.com'],
      subject: 'Hi',
      text: 'Hello',
      html: '<p>Hello</p>',
      reply_to: mail.replyTo,
    });
    const refusing = (async () => new Response('{"message":"invalid"}', { status: 422 })) as unknown as typeof fetch;
    await expect(resendProvider({ ...env, RESEND_API_KEY: 're_test' }, refusing).send(mail)).rejects.toThrow(/422/);
    await expect(resendProvider({ ...env, RESEND_API_KEY: undefined }, fake).send(mail)).rejects.toThrow(
      /RESEND_API_KEY/,
    );
  });

  it('Cloudflare Email Sending: the send_email binding accepts the message', async () => {
    await expect(cloudflareProvider(env).send(mail)).resolves.toBeUndefined();
  });
});
