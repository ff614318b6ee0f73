import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type AgentEnv, agentsOnly, requireAgent } from '../auth/middleware';
import { getDb } from '../db/client';
import { emailOutbox } from '../db/schema';
import { errors } from '../lib/errors';
import { readCounters, resetCounters } from './counters';

/** The counters exist only when PARLEY_COUNTERS is "1" (the bench's wrangler dev); elsewhere the routes are unknown. */
const countersOn = (env: Env) => {
  if (env.PARLEY_COUNTERS !== '1') throw errors.notFound('Route');
};

/** With the local email provider: the mail that would have been sent, for workspace admins, newest first. */
export const devRoutes = new Hono<AgentEnv>()
  .get('/outbox', requireAgent(), agentsOnly('settings:manage'), async (c) => {
    const rows = await getDb(c.env.DB)
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.workspaceId, c.var.agent.workspaceId))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(100);
    const emails = rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      from: r.fromAddress,
      replyTo: r.replyTo,
      subject: r.subject,
      text: r.textBody,
      html: r.htmlBody,
      createdAt: r.createdAt,
    }));
    return c.json({ emails }, 200);
  })
  // No auth: local development only, and they reveal nothing but how much work was done (docs/performance.md).
  .get('/counters', (c) => {
    countersOn(c.env);
    return c.json({ counters: readCounters() }, 200);
  })
  .post('/counters/reset', (c) => {
    countersOn(c.env);
    resetCounters();
    return c.json({ counters: readCounters() }, 200);
  });
