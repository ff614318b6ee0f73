import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { visitors } from '../db/schema';
import { nowIso } from '../lib/ids';
import { describer } from '../openapi/describe';
import { visitorOfUnsubscribeToken } from './links';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:30rem;margin:4rem auto;padding:0 1rem;color:#1f2937}</style></head>
<body><h1>${title}</h1><p>${text}</p></body></html>`;

/** The unsubscribe link in every email: one click, no login, and it stays unsubscribed. */
export const emailRoutes = new Hono<{ Bindings: Env }>().get(
  '/unsubscribe',
  describer('Email')({
    summary: 'The unsubscribe link of every email (an HTML page; 400 page when the link is not valid)',
    // The parameter is named here only: a page for people answers a bad link with a page, not the error envelope.
    description: 'Query parameter `token`: the signed token in the link.',
    auth: 'public',
    ok: [200, null],
    media: 'text/html',
  }),
  async (c) => {
    const visitorId = await visitorOfUnsubscribeToken(c.env, c.req.query('token') ?? '');
    if (!visitorId) return c.html(page('Link not valid', 'This unsubscribe link is not valid.'), 400);
    await getDb(c.env.DB).update(visitors).set({ unsubscribedAt: nowIso() }).where(eq(visitors.id, visitorId));
    return c.html(page('Unsubscribed', 'You will not get emails about your conversations any more.'), 200);
  },
);
