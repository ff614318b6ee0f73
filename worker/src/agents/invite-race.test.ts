// Issue 9 item 6: two admins inviting one email at once: one 201, the other 409 email_taken, never 500.
import { expect, it } from 'vitest';
import { api, registerOwner, unique } from '../../test/helpers';

it('concurrent invitations of one email: one 201, the others 409 email_taken', async () => {
  const owner = await registerOwner();
  const email = `invite-race-${unique()}@example.com`;
  const answers = await Promise.all(
    [0, 1, 2].map(() => api('/api/agents', { token: owner.token, body: { name: 'Bo', email, role: 'agent' } })),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['email_taken', 'email_taken']);
});

it('an invitation racing a registration of the same email: one wins, the other 409 email_taken', async () => {
  const owner = await registerOwner();
  const email = `cross-race-${unique()}@example.com`;
  const [invite, register] = await Promise.all([
    api('/api/agents', { token: owner.token, body: { name: 'Bo', email, role: 'agent' } }),
    api('/api/auth/register', {
      body: { workspace: `WS ${unique()}`, name: 'Bo', email, password: 'correct horse battery' },
    }),
  ]);
  expect([invite.status, register.status].sort()).toEqual([201, 409]);
  expect([invite, register].find((a) => a.status === 409)!.body.error.code).toBe('email_taken');
});
