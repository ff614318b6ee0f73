import { SignJWT } from 'jose';
import { currentSecret, hmacHex, hmacMatches, signJwt, verifyJwt } from '../auth/keys';
import { originAllowed } from '../lib/origins';

/** The conversation's reply address: reply+<conversation>.<signature>@domain (the signature stops forged addresses). */
export async function replyAddress(env: Env, conversationId: string) {
  const sig = (await hmacHex(currentSecret(env), `reply:${conversationId}`)).slice(0, 20);
  return `reply+${conversationId}.${sig}@${env.EMAIL_REPLY_DOMAIN}`;
}

/**
 * The conversation a reply address belongs to, or null when it is not one of ours or its signature is wrong.
 * During a rotation an address signed with the previous secret still works (emails sent before it).
 */
export async function conversationOfReplyAddress(env: Env, address: string): Promise<string | null> {
  const match = address
    .trim()
    .toLowerCase()
    .match(/^reply\+(cv_[0-9a-f]{32})\.([0-9a-f]{20})@(.+)$/);
  if (!match || match[3] !== env.EMAIL_REPLY_DOMAIN.toLowerCase()) return null;
  return (await hmacMatches(env, `reply:${match[1]}`, match[2]!)) ? match[1]! : null;
}

/** A link that unsubscribes one visitor from Parley's emails (a purpose-bound token: it grants nothing else). */
export async function unsubscribeUrl(env: Env, base: string, visitorId: string) {
  const token = await signJwt(
    new SignJWT({ typ: 'unsubscribe' }).setSubject(visitorId).setIssuer('parley').setIssuedAt(),
    env,
  );
  return `${base}/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The visitor an unsubscribe token names, or null. */
export async function visitorOfUnsubscribeToken(env: Env, token: string): Promise<string | null> {
  const payload = await verifyJwt(token, env, { issuer: 'parley' });
  return payload?.typ === 'unsubscribe' && payload.sub ? payload.sub : null;
}

/**
 * Where the visitor continues: the page they were last on, with a marker that opens the
 * widget, or with a continuation token (`#parley_continue=`, docs/widget.md): in the fragment,
 * which browsers never send to a server, so it stays out of every server's logs. The page is
 * reported by the visitor's browser, so it is used only when its origin is one the site
 * allows: an email from the team never links to a page of the visitor's choosing elsewhere.
 */
export function continueUrl(page: string | null, allowedOrigins: string[], fallback: string, token?: string) {
  const marker = token ? `parley_continue=${token}` : 'parley-open';
  try {
    const url = new URL(page ?? fallback);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not a web page');
    if (page && !originAllowed(url.origin, allowedOrigins)) throw new Error('not a page of the site');
    url.hash = marker;
    return url.toString();
  } catch {
    return `${fallback}#${marker}`;
  }
}

/** The base URL of links in emails: PUBLIC_URL when set (alarms have no request to take it from). */
export const publicBase = (env: Env) => (env.PUBLIC_URL || 'http://127.0.0.1:8787').replace(/\/$/, '');
