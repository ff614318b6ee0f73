// Stripe's signing scheme (docs/integrations.md "Verifying a delivery"): the receiver recomputes the HMAC over
// "<t>.<raw body>" with the webhook's secret and compares; `t` lets it refuse old replays.

const encoder = new TextEncoder();

/** A new signing secret: `whsec_` and 32 random bytes, base64url. Shown once, at creation and rotation. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
}

/** The X-Parley-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export async function signatureHeader(secret: string, unixSeconds: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${unixSeconds}.${body}`)));
  return `t=${unixSeconds},v1=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
