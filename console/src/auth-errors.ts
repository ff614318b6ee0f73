// The sign-in and register pages show the console's own (translatable) text for the codes they expect,
// not the server's English message.
import type { ApiError } from './api';
import { strings } from './strings';

const TEXT: Record<string, (e: ApiError) => string> = {
  account_locked: (e) => strings.accountLocked(e.retryAfter),
  signup_closed: () => strings.signupClosed,
  invalid_setup_token: () => strings.invalidSetupToken,
};

/** An auth call's failure with the console's text for its code (other errors unchanged): rethrow the result. */
export function localizedAuthError(error: unknown): unknown {
  const e = error as ApiError;
  const text = e && typeof e.code === 'string' ? TEXT[e.code] : undefined;
  return text ? Object.assign(new Error(text(e)), { name: 'ApiError', status: e.status, code: e.code, retryAfter: e.retryAfter }) : error;
}
