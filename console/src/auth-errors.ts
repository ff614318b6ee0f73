// The sign-in and register pages show the console's own (translatable) text for the codes they expect,
// not the server's English message.
import type { ErrorCode } from '../../protocol/errors';
import type { ApiError } from './api';
import { strings } from './strings';

/** The console's text for the auth codes it expects; keyed by the one code list, so a renamed code fails to compile. */
const TEXT: Partial<Record<ErrorCode, (e: ApiError) => string>> = {
  account_locked: (e) => strings.accountLocked(e.retryAfter),
  signup_closed: () => strings.signupClosed,
  invalid_setup_token: () => strings.invalidSetupToken,
};

/** An auth call's failure with the console's text for its code (other errors unchanged): rethrow the result. */
export function localizedAuthError(error: unknown): unknown {
  const e = error as ApiError;
  const text = e && typeof e.code === 'string' ? TEXT[e.code as ErrorCode] : undefined;
  return text
    ? Object.assign(new Error(text(e)), { name: 'ApiError', status: e.status, code: e.code, retryAfter: e.retryAfter })
    : error;
}
