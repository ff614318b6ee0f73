import { describe, expect, it } from 'vitest';
import { localizedAuthError } from './auth-errors';

const apiError = (code: string, retryAfter?: number) =>
  Object.assign(new Error('server text'), { status: 429, code, retryAfter });

describe('localizedAuthError', () => {
  it('says how long an account stays locked, in whole minutes', () => {
    expect((localizedAuthError(apiError('account_locked', 60)) as Error).message).toMatch(
      /locked.*Try again in 1 minute\.$/,
    );
    expect((localizedAuthError(apiError('account_locked', 61)) as Error).message).toMatch(/in 2 minutes\.$/);
    expect((localizedAuthError(apiError('account_locked', 3600)) as Error).message).toMatch(/in 60 minutes\.$/);
    expect((localizedAuthError(apiError('account_locked')) as Error).message).toMatch(/in 1 minute\.$/);
    expect(localizedAuthError(apiError('account_locked', 60))).toMatchObject({
      code: 'account_locked',
      status: 429,
      retryAfter: 60,
    });
  });

  it('explains closed sign-up and bad setup links; leaves other errors alone', () => {
    expect((localizedAuthError(apiError('signup_closed')) as Error).message).toMatch(/invitation/);
    expect((localizedAuthError(apiError('invalid_setup_token')) as Error).message).toMatch(/setup link/);
    const other = apiError('unauthorized');
    expect(localizedAuthError(other)).toBe(other);
  });
});
