import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verify a Parley webhook delivery. `rawBody` is the request body exactly as received (a string or Buffer, before
 * any JSON parsing), `header` the X-Parley-Signature header, `secret` the webhook's signing secret (whsec_…).
 * Returns true only for a valid signature made less than `toleranceSeconds` ago (refuses replays of old requests).
 */
export function verifyParleySignature(rawBody, header, secret, toleranceSeconds = 300, now = Date.now() / 1000) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((kv) => kv.trim().split('=', 2)),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}
