// Issue 9 item 6: concurrent registrations with one email pass the pre-check together; the unique index decides
// and the losers get 409 email_taken (never 500), with no half-created workspace left behind.
import { expect, it } from 'vitest';
import { api, unique } from '../../test/helpers';

it('three concurrent registrations with one email: one 201, two 409 email_taken', async () => {
  const email = `race-${unique()}@example.com`;
  const body = { workspace: `WS ${unique()}`, name: 'Ann', email, password: 'correct horse battery' };
  const answers = await Promise.all([0, 1, 2].map(() => api('/api/auth/register', { body })));
  expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['email_taken', 'email_taken']);
  const login = await api('/api/auth/login', { body: { email, password: body.password } });
  expect(login.body.agent.id).toBe(answers.find((a) => a.status === 201)!.body.agent.id);
});
