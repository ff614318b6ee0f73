import { DurableObject } from 'cloudflare:workers';
import type { Conversation, Message, SiteEvent } from '../../../protocol';
import { count } from '../dev/counters';
import { getDb } from '../db/client';
import { toProjection, writeProjections } from '../conversations/projection';
import {
  offerToWebhooks,
  parseTargets,
  type ProjectedConversation,
  type ProjectedState,
  targetsOfSite,
} from '../webhooks';
import { SiteEventQueue } from './site-queue';
import { type DoResult, done, refused } from '../lib/do-result';
import { log } from '../lib/log';

/**
 * How many relays share a site's conversations. Each takes the events of the conversations hashed to it,
 * so a site at 1,000 messages a second sends each relay about 250 calls a second (an object handles about
 * 1,000) and the SiteDO a few batches per window whatever the rate (docs/scale.md).
 */
export const RELAYS_PER_SITE = 4;

/** How long a relay gathers events before one call to the SiteDO. */
export const RELAY_WINDOW_MS = 200;

/** FNV-1a over a conversation id: a stable, even spread of a site's conversations over its relays. */
function shard(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % RELAYS_PER_SITE;
}

/** The name of the relay that carries a conversation's site events: `<siteId>/<0..RELAYS_PER_SITE-1>`. */
export const relayName = (siteId: string, conversationId: string) => `${siteId}/${shard(conversationId)}`;

/** What `project` answers: D1 has it, or why not (a result, not a rejection: the caller retries). */
export type ProjectionResult = DoResult<null>;

/** A projection waiting for the relay's next D1 statement, and how to answer its ConversationDO. */
type PendingProjection = { item: ProjectedConversation; answer: (r: ProjectionResult) => void };

/**
 * One of a site's relays, between the ConversationDOs and two places every message would otherwise reach
 * one call at a time: the SiteDO (site events, coalesced per conversation, one batch per window) and D1
 * (batched projections of many conversations, one statement per window). Keeps nothing: an event lost in an
 * eviction is caught up by consoles over REST; a projection's caller waits for D1 and retries on failure.
 */
export class RelayDO extends DurableObject<Env> {
  #events = new SiteEventQueue();
  #projections: PendingProjection[] = [];
  #siteId: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The last batch handed to webhooks: the next waits for it (order per conversation). */
  #hooks: Promise<unknown> = Promise.resolve();

  /** RPC from a ConversationDO: queue one event for the site's consoles. */
  async publish(siteId: string, event: SiteEvent) {
    count('relay.calls');
    this.#siteId = siteId;
    this.#events.push(event);
    this.#arm();
  }

  /**
   * RPC from a ConversationDO: answers once D1 holds the projection (in the window's one statement) and the
   * webhooks listening have queued its events, or refused it. `now`: an urgent change (a lifecycle action, an
   * agent's edit) closes the window at once instead of waiting for it. `previous`: what its last projection had of
   * the fields webhooks compare (a webhook seeing the conversation for the first time compares with it).
   */
  async project(
    conversation: Conversation,
    messages: Message[],
    now = false,
    previous: ProjectedState | null = null,
  ): Promise<ProjectionResult> {
    count('relay.calls');
    return new Promise<ProjectionResult>((answer) => {
      this.#projections.push({ item: { conversation, messages, previous }, answer });
      if (now) {
        if (this.#timer) clearTimeout(this.#timer);
        this.#forward();
      } else this.#arm();
    });
  }

  #arm() {
    this.#timer ??= setTimeout(() => this.#forward(), RELAY_WINDOW_MS);
  }

  #forward() {
    this.#timer = null;
    const events = this.#events.take();
    const siteId = this.#siteId;
    if (events.length && siteId) {
      this.ctx.waitUntil(
        this.env.SITES.getByName(siteId)
          .publish(events)
          .catch((err: unknown) => {
            log.warn('site_event.dropped', { siteId, error: err });
          }),
      );
    }
    const waiting = this.#projections.splice(0);
    if (!waiting.length) return;
    const items = waiting.map((w) => w.item);
    this.ctx.waitUntil(
      this.#write(items).then(
        () => {
          for (const w of waiting) w.answer(done(null));
        },
        (err: unknown) => {
          for (const w of waiting) w.answer(refused('internal', String(err)));
        },
      ),
    );
  }

  /**
   * One D1 statement for the window; its RETURNING names the webhooks listening to this site's workspace (no
   * statement of its own), and only when there are any do their delivery objects get the batch. Webhook batches
   * leave one after another, so a conversation's events reach each object in order.
   */
  async #write(items: ProjectedConversation[]) {
    const siteId = items[0]!.conversation.siteId;
    const listening = await writeProjections(
      getDb(this.env.DB),
      items.map((i) => toProjection(i.conversation, i.messages)),
      targetsOfSite(siteId),
    );
    const targets = parseTargets(listening);
    if (!targets.length) return;
    const turn = this.#hooks.then(() => offerToWebhooks(this.env, targets, items));
    this.#hooks = turn.catch(() => undefined);
    await turn;
  }
}
