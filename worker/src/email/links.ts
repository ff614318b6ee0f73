import { jwtVerify, SignJWT } from 'jose';
import { originAllowed } from '../lib/origins';
import { signingKey } from '../auth/tokens';

const enc = new TextEncoder();

async function hmacHex(secret: string, data: string) {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(data)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The conversation's reply address: reply+<conversation>.<signature>@domain (the signature stops forged addresses). */
export async function replyAddress(env: Env, conversationId: string) {
  const sig = (await hmacHex(env.AUTH_SECRET, `reply:${conversationId}`)).slice(0, 20);
  return `reply+${conversationId}.${sig}@${env.EMAIL_REPLY_DOMAIN}`;
}

/** The conversation a reply address belongs to, or null when it is not one of ours or its signature is wrong. */
export async function conversationOfReplyAddress(env: Env, address: string): Promise<string | null> {
  const match = address.trim().toLowerCase().match(/^reply\+(cv_[0-9a-f]{32})\.([0-9a-f]{20})@(.+)$/);
  if (!match || match[3] !== env.EMAIL_REPLY_DOMAIN.toLowerCase()) return null;
  const expected = (await hmacHex(env.AUTH_SECRET, `reply:${match[1]}`)).slice(0, 20);
  const a = enc.encode(expected), b = enc.encode(match[2]!);
  const same = a.length === b.length && (crypto.subtle as SubtleCrypto & { timingSafeEqual(x: ArrayBufferView, y: ArrayBufferView): boolean }).timingSafeEqual(a, b);
  return same ? match[1]! : null;
}

/** A link that unsubscribes one visitor from Parley's emails (a purpose-bound token: it grants nothing else). */
export async function unsubscribeUrl(env: Env, base: string, visitorId: string) {
  const token = await new SignJWT({ typ: 'unsubscribe' }).setProtectedHeader({ alg: 'HS256' }).setSubject(visitorId)
    .setIssuer('parley').setIssuedAt().sign(signingKey(env.AUTH_SECRET));
  return `${base}/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The visitor an unsubscribe token names, or null. */
export async function visitorOfUnsubscribeToken(env: Env, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(env.AUTH_SECRET), { issuer: 'parley', algorithms: ['HS256'] });
    return payload.typ === 'unsubscribe' && payload.sub ? payload.sub : null;
  } catch { return null; }
}

/**
 * Where the visitor continues: the page they were last on, with a marker that opens the
 * widget. The page is reported by the visitor's browser, so it is used only when its
 * origin is one the site allows: an email from the team never links to a page of the
 * visitor's choosing elsewhere.
 */
export function continueUrl(page: string | null, allowedOrigins: string[], fallback: string) {
  try {
    const url = new URL(page ?? fallback);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not a web page');
    if (page && !originAllowed(url.origin, allowedOrigins)) throw new Error('not a page of the site');
    url.hash = 'parley-open';
    return url.toString();
  } catch {
    return `${fallback}#parley-open`;
  }
}

/** The base URL of links in emails: PUBLIC_URL when set (alarms have no request to take it from). */
export const publicBase = (env: Env) => (env.PUBLIC_URL || 'http://127.0.0.1:8787').replace(/\/$/, '');
