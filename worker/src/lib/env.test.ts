import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { requireConfiguredEnv } from './env';
import { errorHandler } from './errors';

const app = new Hono<{ Bindings: Env }>().use(requireConfiguredEnv()).get('/', (c) => c.text('ok'));
app.onError(errorHandler);

it('refuses to serve with a weak AUTH_SECRET, without revealing why', async () => {
  const weak = await app.request('/', {}, { ...env, AUTH_SECRET: 'short' });
  expect(weak.status).toBe(500);
  expect(await weak.json()).toEqual({ error: { code: 'misconfigured', message: 'The server is not configured' } });
  const ok = await app.request('/', {}, env);
  expect(await ok.text()).toBe('ok');
});
