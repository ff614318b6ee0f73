import { getDb } from '../db/client';
import { emailOutbox } from '../db/schema';
import { headerText } from '../lib/clean';
import { newId, nowIso } from '../lib/ids';
import { log } from '../lib/log';

/** One email, in both bodies, with the key that makes sending it twice a no-op. */
export type Mail = {
  workspaceId: string;
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
  headers?: Record<string, string>;
};

/** Anything that can send a Mail; throws when the mail was not accepted (the caller retries). */
export interface EmailProvider {
  send(mail: Mail): Promise<void>;
}

/** The local default: keeps mail in D1 for the console's outbox page; a repeated key stores nothing. */
export const outboxProvider = (env: Env): EmailProvider => ({
  async send(m) {
    await getDb(env.DB)
      .insert(emailOutbox)
      .values({
        id: newId('em'),
        workspaceId: m.workspaceId,
        idempotencyKey: m.idempotencyKey,
        toAddress: m.to,
        fromAddress: m.from,
        replyTo: m.replyTo ?? null,
        subject: m.subject,
        textBody: m.text,
        htmlBody: m.html,
        createdAt: nowIso(),
      })
      .onConflictDoNothing();
  },
});

/** Cloudflare Email Sending through the `send_email` binding. */
export const cloudflareProvider = (env: Env): EmailProvider => ({
  async send(m) {
    await env.EMAIL.send({
      from: m.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      ...(m.replyTo ? { replyTo: m.replyTo } : {}),
      headers: { ...m.headers, 'X-Parley-Idempotency-Key': m.idempotencyKey },
    } as never);
  },
});

/** Resend over fetch; its Idempotency-Key makes a retried send safe for 24 hours. */
export const resendProvider = (env: Env, fetcher: typeof fetch = fetch): EmailProvider => ({
  async send(m) {
    if (!env.RESEND_API_KEY) throw new Error('RESEND_API_KEY is not set');
    const res = await fetcher('https://api.resend.com/emails', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${env.RESEND_API_KEY}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': m.idempotencyKey,
      },
      body: JSON.stringify({
        from: m.from,
        to: [m.to],
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(m.replyTo ? { reply_to: m.replyTo } : {}),
        ...(m.headers ? { headers: m.headers } : {}),
      }),
    });
    if (!res.ok) throw new Error(`Resend refused the email: ${res.status} ${await res.text()}`);
  },
});

/** The provider EMAIL_PROVIDER names (outbox unless configured otherwise), behind the header cleaner. */
export function emailProvider(env: Env): EmailProvider {
  switch (env.EMAIL_PROVIDER) {
    case 'cloudflare':
      return withLog('cloudflare', withCleanHeaders(cloudflareProvider(env)));
    case 'resend':
      return withLog('resend', withCleanHeaders(resendProvider(env)));
    default:
      return withLog('outbox', withCleanHeaders(outboxProvider(env)));
  }
}

/**
 * One `email.sent` or `email.failed` line per mail, named by its idempotency key (`unread/<conversation>/…`,
 * `offline/…`, `transcript/…`): the kind and the conversation, never the address or the text.
 */
export const withLog = (provider: string, inner: EmailProvider): EmailProvider => ({
  async send(m) {
    const [kind, conversationId] = m.idempotencyKey.split('/');
    try {
      await inner.send(m);
      log.info('email.sent', { provider, kind, conversationId });
    } catch (err) {
      log.warn('email.failed', { provider, kind, conversationId, error: err });
      throw err;
    }
  },
});

/**
 * Every header value of every mail through headerText(): names and site names a user typed reach the subject
 * and addresses, and a CR/LF there would add headers (`Eve\r\nBcc: …`). One place, whatever the provider.
 */
export const withCleanHeaders = (provider: EmailProvider): EmailProvider => ({
  send: (m) =>
    provider.send({
      ...m,
      to: headerText(m.to),
      from: headerText(m.from),
      subject: headerText(m.subject),
      ...(m.replyTo !== undefined ? { replyTo: headerText(m.replyTo) } : {}),
      ...(m.headers
        ? { headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [headerText(k), headerText(v)])) }
        : {}),
    }),
});
