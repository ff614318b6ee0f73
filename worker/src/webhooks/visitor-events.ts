import { waitUntil } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { log } from '../lib/log';
import type { Visitor } from '../../../protocol';
import { parseTargets } from './fanout';
import { visitorView } from './payload';
import { targetsOfSite } from './queries';

/**
 * Queue a visitor event for the webhooks listening to the visitor's workspace, after the answer (waitUntil): on a
 * new widget session or a changed name or email (never per message), one indexed D1 read, one RPC per webhook.
 */
export function announceVisitor(env: Env, type: 'visitor.created' | 'visitor.updated', visitor: Visitor) {
  waitUntil(queueVisitorEvent(env, type, visitor));
}

async function queueVisitorEvent(env: Env, type: 'visitor.created' | 'visitor.updated', visitor: Visitor) {
  try {
    const row = await getDb(env.DB).get<{ t: string | null }>(sql`SELECT ${targetsOfSite(visitor.siteId)} AS t`);
    const targets = parseTargets(row?.t ?? null);
    const draft = {
      type,
      orderKey: `visitor:${visitor.id}`,
      conversationId: null,
      data: { visitor: visitorView(visitor) },
    };
    await Promise.all(targets.map((t) => env.WEBHOOKS.getByName(t.id).enqueue(t, draft)));
  } catch (err) {
    log.warn('webhook.visitor_event_failed', { error: err });
  }
}
