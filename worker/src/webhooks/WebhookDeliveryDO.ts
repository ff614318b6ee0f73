import { DurableObject } from 'cloudflare:workers';
import { getDb } from '../db/client';
import { log } from '../lib/log';
import { newId } from '../lib/ids';
import type { DeliveryStatus, WebhookDelivery } from '../../../protocol';
import { attempt } from './attempt';
import { type DeliveryRow, DeliveryStore, toDelivery } from './delivery-store';
import { eventsOf, type ProjectedConversation } from './diff';
import type { HookTarget } from './fanout';
import { tellAdminsDisabled } from './notice';
import type { WebhookEventDraft } from './payload';
import {
  ATTEMPT_TIMEOUT_MS,
  BASELINE_KEEP_MS,
  backoff,
  DISABLE_AFTER_MS,
  LOG_KEEP_MS,
  PARALLEL,
  RETRY_WINDOW_MS,
  verdict,
} from './policy';
import { disableFailing, webhookById } from './queries';

/** What an attempt needs of the webhook's D1 row (read once per run of the alarm: the truth, never stale). */
type Hook = { id: string; url: string; secret: string; workspaceId: string };

/** Deliveries of one conversation sent one after another in one run. */
const LANE_MAX = 50;

/** The figure kept while every delivery fails: when the first failure since the last success happened (unix ms). */
const FAILING_SINCE = 'failing_since';

/**
 * One webhook's deliveries (named by the webhook id): it turns the projections its site relays hand over into
 * events (against what it saw of each conversation before), queues them, and delivers them from its alarm, one
 * at a time per conversation, retried with backoff. Nothing here is on the message path: the relays call
 * `ingest` after D1 has a projection, and `ingest` only writes this object's SQLite.
 */
export class WebhookDeliveryDO extends DurableObject<Env> {
  #store: DeliveryStore;
  /** Deliveries being attempted now: never attempted twice at once. */
  #busy = new Set<string>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#store = new DeliveryStore(ctx.storage);
  }

  /** RPC from a relay: the events these projections mean for this webhook, queued; the alarm delivers them. */
  async ingest(target: HookTarget, items: ProjectedConversation[]): Promise<number> {
    const now = Date.now();
    const drafts: WebhookEventDraft[] = [];
    this.ctx.storage.transactionSync(() => {
      for (const item of items) {
        const id = item.conversation.id;
        const { events, after } = eventsOf(this.#store.baseline(id), item, {
          notes: target.includeNotes,
          since: target.createdAt,
        });
        this.#store.setBaseline(id, after, now);
        drafts.push(...events.filter((e) => target.events.includes(e.type)));
      }
      for (const e of drafts) this.#queue(target.workspaceId, e, now);
    });
    if (drafts.length) await this.#wake(now);
    return drafts.length;
  }

  /** RPC from the worker: queue one event built elsewhere (visitor events). */
  async enqueue(target: HookTarget, draft: WebhookEventDraft): Promise<void> {
    if (!target.events.includes(draft.type)) return;
    const now = Date.now();
    this.#queue(target.workspaceId, draft, now);
    await this.#wake(now);
  }

  /** RPC from the API: the delivery log, newest first. */
  async deliveries(limit: number, status?: DeliveryStatus): Promise<WebhookDelivery[]> {
    return this.#store.list(limit, status).map(toDelivery);
  }

  /** RPC from the API: "send again" (same delivery id, so a receiver that had it ignores it). False if unknown. */
  async redeliver(id: string): Promise<WebhookDelivery | null> {
    const now = Date.now();
    if (!this.#store.again(id, now)) return null;
    await this.#wake(now);
    return toDelivery(this.#store.get(id)!);
  }

  /** RPC from the API when an admin turns the webhook back on: what waited is attempted now. */
  async resume(): Promise<void> {
    this.#store.setFigure(FAILING_SINCE, null);
    if (this.#store.nextDue() !== null) await this.#wake(Date.now());
  }

  /** RPC from the API when the webhook is removed: its queue, log and baselines go with it. */
  async forget(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    this.#store.clear();
  }

  /**
   * RPC from an erasure (privacy/erase.ts, docs/privacy.md): the deliveries (log and queue) that name the visitor or
   * one of these conversations go; these conversations' baselines forget their notes and rating comment.
   */
  async eraseVisitor(visitorId: string, conversationIds: string[]): Promise<void> {
    const sql = this.ctx.storage.sql;
    sql.exec('DELETE FROM deliveries WHERE instr(body, ?) > 0', visitorId);
    for (const id of conversationIds) {
      sql.exec('DELETE FROM deliveries WHERE conversation_id = ?', id);
      sql.exec(
        `UPDATE baselines SET view = json_replace(view, '$.notes', '', '$.rating.comment', NULL) WHERE id = ?`,
        id,
      );
    }
  }

  /** Attempts the deliveries that are due, then sets the alarm for the next one. */
  async alarm() {
    const hook = await webhookById(getDb(this.env.DB), this.ctx.id.name!);
    if (!hook) {
      // Deleted: nothing here is anyone's any more.
      return this.forget();
    }
    // Off: what waits stays queued; turning it on (resume) sets the alarm again.
    if (!hook.enabled) return;
    const now = Date.now();
    const heads = this.#store.heads(PARALLEL * 2).filter((h) => !this.#busy.has(h.id));
    let due = heads.filter((h) => (h.next_at ?? 0) <= now);
    // Alarms can fire early (and tests fire them at will): the earliest one is then due.
    if (!due.length && heads.length) due = [heads[0]!];
    await Promise.all(due.slice(0, PARALLEL).map((d) => this.#lane(hook, d)));
    this.#store.prune(now - LOG_KEEP_MS, now - BASELINE_KEEP_MS);
    const next = this.#store.nextDue();
    if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }

  #queue(workspaceId: string, e: WebhookEventDraft, now: number) {
    const id = newId('dl');
    const body = JSON.stringify({
      id,
      type: e.type,
      createdAt: new Date(now).toISOString(),
      workspaceId,
      data: e.data,
    });
    this.#store.add(id, e, body, now);
  }

  /** Make sure the alarm fires by `at` (an earlier one stays). */
  async #wake(at: number) {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /**
   * One conversation's deliveries, one after another from its head, while they succeed (up to LANE_MAX per run):
   * a burst of messages goes out in one run of the alarm, still in order, never two at once.
   */
  async #lane(hook: Hook, head: DeliveryRow) {
    let d: DeliveryRow | null = head;
    for (let i = 0; d && i < LANE_MAX; i++) {
      if (!(await this.#deliver(hook, d))) return;
      d = this.#store.headOf(d.order_key);
      if (d && this.#busy.has(d.id)) return;
    }
  }

  /** One attempt of one delivery; true when it was delivered. */
  async #deliver(hook: Hook, d: DeliveryRow): Promise<boolean> {
    this.#busy.add(d.id);
    try {
      const timeout = Number(this.env.WEBHOOK_TIMEOUT_MS) || ATTEMPT_TIMEOUT_MS;
      const result = await attempt(hook, d, timeout);
      const now = Date.now();
      const v = verdict(result.status);
      if (v === 'delivered') {
        this.#store.settle(d.id, { status: 'delivered', code: result.status, error: null, nextAt: null, now });
        this.#store.setFigure(FAILING_SINCE, null);
        return true;
      }
      const retryFrom = d.retry_from ?? now;
      const retry = v === 'retry' && now - retryFrom < RETRY_WINDOW_MS;
      this.#store.settle(d.id, {
        status: retry ? 'pending' : 'failed',
        code: result.status,
        error: result.error,
        nextAt: retry ? now + backoff(d.attempts + 1) : null,
        now,
      });
      log.warn('webhook.attempt_failed', {
        webhookId: hook.id,
        deliveryId: d.id,
        attempt: d.attempts + 1,
        error: result.error,
      });
      const since = this.#store.figure(FAILING_SINCE) ?? now;
      this.#store.setFigure(FAILING_SINCE, since);
      if (now - since >= DISABLE_AFTER_MS) await this.#disable(hook);
      return false;
    } finally {
      this.#busy.delete(d.id);
    }
  }

  /** Every delivery has failed for DISABLE_AFTER_MS: turn the webhook off and tell the workspace's admins. */
  async #disable(hook: Hook) {
    if (!(await disableFailing(getDb(this.env.DB), hook.id))) return;
    log.warn('webhook.disabled', { webhookId: hook.id, workspaceId: hook.workspaceId });
    await tellAdminsDisabled(this.env, hook).catch((err: unknown) =>
      log.warn('webhook.notice_failed', { webhookId: hook.id, error: err }),
    );
  }
}
