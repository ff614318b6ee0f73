import { signatureHeader } from './sign';

/** One attempt's result: the HTTP status (null: no answer) and, when it did not succeed, why. */
export type AttemptResult = { status: number | null; error: string | null };

/**
 * POST one delivery: the stored body, signed now (a fresh `t` per attempt), with the delivery id and event type
 * in headers. Never follows a redirect; gives up after `timeoutMs`. The answer's body is not read beyond need.
 */
export async function attempt(
  target: { url: string; secret: string },
  d: { id: string; type: string; body: string },
  timeoutMs: number,
): Promise<AttemptResult> {
  const t = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Parley-Webhooks/1',
        'X-Parley-Delivery': d.id,
        'X-Parley-Event': d.type,
        'X-Parley-Timestamp': String(t),
        'X-Parley-Signature': await signatureHeader(target.secret, t, d.body),
      },
      body: d.body,
    });
    // Free the connection: nothing of the answer is kept but its status.
    await res.body?.cancel();
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { status: null, error: `timeout after ${timeoutMs} ms` };
    return { status: null, error: `network: ${String((err as Error)?.message ?? err).slice(0, 200)}` };
  }
}
