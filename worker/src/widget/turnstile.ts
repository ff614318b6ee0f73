// Cloudflare Turnstile on new visitors' sessions: the deployment's keys, and the server-side check of a token
// with siteverify (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/).
import { ApiError, errors } from '../lib/errors';
import { clientIp } from '../lib/ratelimit';

/** Cloudflare's endpoint; TURNSTILE_VERIFY_URL replaces it only for tests and local stand-ins. */
export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** The documented answer of siteverify (only what we read). */
type Siteverify = { success?: boolean; 'error-codes'?: string[]; hostname?: string; action?: string };

/** Whether this deployment can run Turnstile: a site key (var) and a secret (Worker secret). */
export const turnstileConfigured = (env: Env): boolean => !!(env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY);

/** siteverify error codes that are ours or Cloudflare's, never the visitor's: the check could not be made. */
const NOT_THE_VISITOR = ['missing-input-secret', 'invalid-input-secret', 'bad-request', 'internal-error'];

// Fail closed, but say it is not the visitor's fault: the widget retries later.
const unavailable = () =>
  new ApiError(503, 'turnstile_unavailable', 'The bot check is unavailable right now, try again later');

/**
 * Checks a new visitor's Turnstile token. Throws 403 `turnstile_required` (no token), 403 `turnstile_failed`
 * (siteverify said no: invalid, expired or already used), 503 `turnstile_unavailable` (no keys, siteverify
 * unreachable, or it refused our own request).
 */
export async function verifyTurnstile(env: Env, req: Request, token: string | undefined): Promise<void> {
  if (!turnstileConfigured(env)) throw unavailable();
  if (!token) throw errors.forbidden('A Turnstile token is required to start chatting', 'turnstile_required');
  const ip = clientIp(req);
  const body = {
    secret: env.TURNSTILE_SECRET_KEY!,
    response: token,
    ...(ip !== 'local' ? { remoteip: ip } : {}),
    // One key per check: Cloudflare then answers a retry of this very request the same way.
    idempotency_key: crypto.randomUUID(),
  };
  let answer: Siteverify;
  try {
    const res = await fetch(env.TURNSTILE_VERIFY_URL || SITEVERIFY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`siteverify ${res.status}`);
    answer = await res.json();
  } catch {
    throw unavailable();
  }
  if (answer.success === true) return;
  const codes = answer['error-codes'] ?? [];
  if (codes.some((code) => NOT_THE_VISITOR.includes(code))) throw unavailable();
  throw errors.forbidden('The Turnstile check failed', 'turnstile_failed');
}
