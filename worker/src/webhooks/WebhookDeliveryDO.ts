import { DurableObject } from 'cloudflare:workers';
import { getDb } from '../db/client';
import { log } from '../lib/log';
import { newId } from '../lib/ids';
import type { DeliveryStatus, WebhookDelivery, WebhookEvent } from '../../../protocol';
import { attempt } from './attempt';
import { type DeliveryRow, DeliveryStore, toDelivery } from './delivery-store';
import { eventsOf, type ProjectedConversation } from './diff';
import type { HookTarget } from './fanout';
import { fitToConfig, type Hook } from './fit';
import { checkWebhookUrl } from './url';
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

/** Deliveries of one conversation sent one after another in one run. */
const LANE_MAX = 50;

/** The figure kept while every delivery fails: when the first failure since the last success happened (unix ms). */
const FAILING_SINCE = 'failing_since';
/**
 * The due time the alarm was last set for when it was set for deliveries (null: set for expiry only). An alarm
 * that fires before it (alarms may fire early; tests fire them at will) counts as firing at it, so a head is never
 * retried before its own time, yet the alarm set for it does attempt it.
 */
const ALARM_FOR = 'alarm_for';

/**
 * One webhook's deliveries (named by the webhook id): it turns the projections its site relays hand over into
 * events (against what it saw of each conversation before), queues them, and delivers them from its alarm, one
 * at a time per conversation, retried with backoff. Nothing here is on the message path: the relays call
 * `ingest` after D1 has a projection, and `ingest` only writes this object's SQLite. Every attempt goes out under
 * the webhook's configuration read from D1 just before it (URL, secret, events, notes, on or off, removed).
 */
export class WebhookDeliveryDO extends DurableObject<Env> {
  #store: DeliveryStore;
  /** Conversations (order keys) being delivered now: never two deliveries of one conversation at once. */
  #busy = new Set<string>();
  /** Deliveries being attempted now, and those of them an admin asked to send again meanwhile. */
  #inFlight = new Set<string>();
  #againAfter = new Set<string>();

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
    // Baselines alone: an alarm still comes to forget them (BASELINE_KEEP_MS), with no event ever again.
    else if ((await this.ctx.storage.getAlarm()) === null) await this.#setAlarm(now + BASELINE_KEEP_MS, false);
    return drafts.length;
  }

  /** RPC from the worker: queue one event built elsewhere (visitor events). */
  async enqueue(target: HookTarget, draft: WebhookEventDraft): Promise<void> {
    if (!target.events.includes(draft.type)) return;
    const now = Date.now();
    this.#queue(target.workspaceId, draft, now);
    await this.#wake(now);
  }

  /** RPC from the API: the delivery log, newest first (entries past LOG_KEEP_MS are gone even before the alarm). */
  async deliveries(limit: number, status?: DeliveryStatus): Promise<WebhookDelivery[]> {
    return this.#store.list(limit, Date.now() - LOG_KEEP_MS, status).map(toDelivery);
  }

  /**
   * RPC from the API: "send again" (same delivery id, so a receiver that had it ignores it), due now, in its place
   * in its conversation's order. Asked while it is being attempted: once more after that attempt. Null if unknown.
   */
  async redeliver(id: string): Promise<WebhookDelivery | null> {
    const now = Date.now();
    if (!this.#store.again(id, now)) return null;
    if (this.#inFlight.has(id)) this.#againAfter.add(id);
    await this.#wake(now);
    return toDelivery(this.#store.get(id)!);
  }

  /** RPC from the API when an admin turns the webhook back on: what waited is attempted now, with a fresh window. */
  async resume(): Promise<void> {
    const now = Date.now();
    this.#store.setFigure(FAILING_SINCE, null);
    this.#store.resumeAll(now);
    await this.#wake(now);
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

  /** Forgets what expired, attempts the deliveries that are due, then sets the alarm for what comes next. */
  async alarm() {
    const now = Date.now();
    this.#store.prune(now - LOG_KEEP_MS, now - BASELINE_KEEP_MS);
    const dueBy = Math.max(now, this.#store.figure(ALARM_FOR) ?? 0);
    const due = this.#store
      .heads(PARALLEL * 2 + this.#busy.size)
      .filter((h) => !this.#busy.has(h.order_key) && (h.next_at ?? 0) <= dueBy)
      .slice(0, PARALLEL);
    let enabled = true;
    if (due.length) {
      // One read for the first attempt of each conversation; every later attempt reads again.
      const hook = await this.#hook();
      if (!hook) return this.forget();
      enabled = hook.enabled;
      if (enabled) await Promise.all(due.map((d) => this.#lane(hook, d, dueBy)));
    }
    await this.#reschedule(enabled);
  }

  /** The webhook as D1 has it now (null: removed). */
  async #hook(): Promise<Hook | null> {
    const row = await webhookById(getDb(this.env.DB), this.ctx.id.name!);
    return row ? { ...row, events: row.events as WebhookEvent[] } : null;
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

  /** Set the alarm; `forDeliveries`: at a delivery's due time (see ALARM_FOR), else for expiry only. */
  async #setAlarm(at: number, forDeliveries: boolean) {
    await this.ctx.storage.setAlarm(at);
    this.#store.setFigure(ALARM_FOR, forDeliveries ? at : null);
  }

  /** Make sure the alarm fires by `at` for deliveries (an earlier one stays). */
  async #wake(at: number) {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.#setAlarm(at, true);
  }

  /** The next alarm: the next due delivery not being delivered now (none while off), or the next expiry. */
  async #reschedule(enabled: boolean) {
    const now = Date.now();
    const head = enabled ? this.#store.nextHead(this.#busy) : null;
    const expiry = this.#store.expiresAt(LOG_KEEP_MS, BASELINE_KEEP_MS);
    if (head && (expiry === null || (head.next_at ?? now) <= expiry))
      return this.#setAlarm(Math.max(head.next_at ?? now, now), true);
    if (expiry !== null) return this.#setAlarm(Math.max(expiry, now), false);
    await this.ctx.storage.deleteAlarm();
  }

  /**
   * One conversation's deliveries, one after another from its head, while they succeed (up to LANE_MAX per run):
   * a burst of messages goes out in one run of the alarm, still in order, never two at once. Each attempt after
   * the first reads the webhook again: a change made meanwhile (secret, URL, events, notes, off, removed) applies.
   */
  async #lane(first: Hook, head: DeliveryRow, dueBy: number) {
    const key = head.order_key;
    if (this.#busy.has(key)) return;
    this.#busy.add(key);
    try {
      let hook: Hook | null = first;
      let d: DeliveryRow | null = head;
      for (let i = 0; d && i < LANE_MAX; i++) {
        if (i > 0) hook = await this.#hook();
        if (!hook) return await this.forget();
        if (!hook.enabled) return;
        if (!(await this.#deliver(hook, d))) return;
        d = this.#store.headOf(key);
        // The next one may be backing off itself (it was the head before a "send again" put an earlier one back).
        if (d && (d.next_at ?? 0) > Math.max(dueBy, Date.now())) return;
      }
    } finally {
      this.#busy.delete(key);
    }
  }

  /** One attempt of one delivery under the current configuration; true when the lane may go on. */
  async #deliver(hook: Hook, d: DeliveryRow): Promise<boolean> {
    // The URL rules as they are now: a webhook saved under older, looser rules sends nothing until its URL is fixed.
    const url = checkWebhookUrl(hook.url, this.env.WEBHOOK_ALLOW_LOCAL === '1');
    if ('error' in url) {
      this.#store.skip(d.id, `not sent: ${url.error}`);
      return true;
    }
    const fit = fitToConfig(hook, d);
    if ('skip' in fit) {
      this.#store.skip(d.id, fit.skip);
      return true;
    }
    if (fit.body !== d.body) this.#store.setBody(d.id, fit.body);
    this.#inFlight.add(d.id);
    try {
      const timeout = Number(this.env.WEBHOOK_TIMEOUT_MS) || ATTEMPT_TIMEOUT_MS;
      const result = await attempt(hook, { ...d, body: fit.body }, timeout);
      return await this.#settle(hook, d, result);
    } finally {
      this.#inFlight.delete(d.id);
      // "Send again" during the attempt: one more, due now, whatever this one's outcome.
      if (this.#againAfter.delete(d.id)) this.#store.again(d.id, Date.now());
    }
  }

  /** Record an attempt's outcome; true when it was delivered. */
  async #settle(hook: Hook, d: DeliveryRow, result: { status: number | null; error: string | null }) {
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
