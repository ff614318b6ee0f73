import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { consoleOrigins } from './cors';

const CONSOLE = 'https://parley-console.pages.dev';
const WORKER = 'https://parley.acme.workers.dev';
const deployed = { ...env, CONSOLE_ORIGIN: CONSOLE };

/** A browser's preflight from `origin` for `path` on the Worker's origin. */
const preflight = (path: string, origin: string, bindings: Env = deployed) =>
  app.request(
    `${WORKER}${path}`,
    {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    },
    bindings,
  );

const allowedOrigin = (res: Response) => res.headers.get('Access-Control-Allow-Origin');

describe('CORS with CONSOLE_ORIGIN set (a deployment)', () => {
  it('lets the console origin and the Worker itself call agent routes, and no other origin', async () => {
    expect(allowedOrigin(await preflight('/api/conversations', CONSOLE))).toBe(CONSOLE);
    expect(allowedOrigin(await preflight('/api/auth/login', WORKER))).toBe(WORKER);
    expect(allowedOrigin(await preflight('/api/conversations', 'https://evil.example'))).toBeNull();
    expect(allowedOrigin(await preflight('/api/agents', 'https://parley-console.pages.dev.evil.example'))).toBeNull();
    // A real request from elsewhere gets its answer without CORS headers: the browser keeps it from the page.
    const res = await app.request(
      `${WORKER}/api/auth/config`,
      { headers: { Origin: 'https://evil.example' } },
      deployed,
    );
    expect(allowedOrigin(res)).toBeNull();
    expect(
      (await app.request(`${WORKER}/api/auth/config`, { headers: { Origin: CONSOLE } }, deployed)).headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBe(CONSOLE);
  });

  it('lets the console on its own origin read the request id (X-Request-Id), which a user quotes in a report', async () => {
    const res = await app.request(`${WORKER}/api/auth/config`, { headers: { Origin: CONSOLE } }, deployed);
    expect(res.headers.get('X-Request-Id')).toMatch(/^[\w-]+$/);
    // And an export's row total, for its progress (docs/privacy.md).
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('X-Request-Id,X-Export-Rows');
  });

  it('keeps answering customer sites on the routes they call (their origins are checked per site)', async () => {
    const shop = 'https://shop.example';
    expect(allowedOrigin(await preflight('/api/widget/session', shop))).toBe(shop);
    expect(allowedOrigin(await preflight('/api/widget/conversations/cv_1/files', shop))).toBe(shop);
    expect(allowedOrigin(await preflight('/api/files/cv_1/fl_1', shop))).toBe(shop);
    const config = await app.request(`${WORKER}/api/widget/config/pk_missing`, { headers: { Origin: shop } }, deployed);
    expect(allowedOrigin(config)).toBe(shop);
    expect(config.status).toBe(404);
    // Not a prefix trick: /api/widgets-admin is not a widget route.
    expect(allowedOrigin(await preflight('/api/widgetsx', shop))).toBeNull();
  });
});

describe('CORS without CONSOLE_ORIGIN (local development)', () => {
  it('reflects any origin', async () => {
    expect(
      allowedOrigin(await preflight('/api/conversations', 'http://localhost:5173', { ...env, CONSOLE_ORIGIN: '' })),
    ).toBe('http://localhost:5173');
  });
});

describe('consoleOrigins', () => {
  it('reads one or several origins and ignores trailing slashes', () => {
    expect(consoleOrigins('')).toBeNull();
    expect(consoleOrigins(' ')).toBeNull();
    expect([...consoleOrigins(`${CONSOLE}/`)!]).toEqual([CONSOLE]);
    expect([...consoleOrigins(`${CONSOLE}, https://chat.example.com`)!]).toEqual([CONSOLE, 'https://chat.example.com']);
  });
});
