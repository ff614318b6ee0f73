import { DurableObject } from 'cloudflare:workers';
import { TokenBuckets } from '../conversations/ratelimit';
import { startConversation } from '../conversations/start';
import { getDb } from '../db/client';
import { type DoResult, done, refused } from '../lib/do-result';
import type { sites } from '../db/schema';
import type { Conversation, Message } from '../../../protocol';
import { VISITOR_QUOTAS as Q } from '../../../protocol/limits';
import { ContinuationLedger } from './continuations';
import { VisitorLedger } from './ledger';
import { findOpenConversation } from './queries';

const HOUR = 3_600_000;

/** What POST /api/widget/conversations asks of the visitor's object. */
export type StartInput = {
  site: typeof sites.$inferSelect;
  visitor: { id: string; name: string | null; email: string | null };
  /** Chosen by the client, the same for every retry of one action: a retry gets the first answer. */
  clientKey?: string;
  /** The offline form's message, stored as a visitor message of the conversation. */
  message?: string;
  /** Nobody can answer live: the team may be emailed about the message. */
  teamAway?: boolean;
};

/** The answer: the conversation (new or the open one), and the stored offline message if any. */
export type Started = { created: boolean; conversation: Conversation; message?: Message; notify: boolean };

/**
 * One visitor, whatever their conversations: serialises what must be exact per visitor,
 * so two tabs racing or a retried request never duplicate a conversation or a message,
 * and limits hold across all their conversations (docs/architecture.md).
 */
export class VisitorDO extends DurableObject<Env> {
  #ledger: VisitorLedger;
  #links: ContinuationLedger;
  /** The message budget across all conversations; in memory for the reason given in conversations/ratelimit.ts. */
  #messages = new TokenBuckets();
  /** Starts run one after another: each awaits D1 and other objects, which would let another interleave. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#ledger = new VisitorLedger(ctx.storage);
    this.#links = new ContinuationLedger(ctx.storage);
  }

  /** Whether continuation link `jti` may be used by this device (hash): the first device binds it (continuations.ts). */
  async claimContinuation(jti: string, device: string, expMs: number): Promise<boolean> {
    return this.#links.claim(jti, device, expMs, Date.now());
  }

  /** Whether a continuation link may be emailed for this conversation now (once per `gapMs`); remembered when true. */
  async claimLinkEmail(conversationId: string, gapMs: number): Promise<boolean> {
    return this.#links.claimLinkEmail(conversationId, Date.now(), gapMs);
  }

  /** Take one token of the visitor's message budget (1/s, burst 5 across all conversations); false when empty. */
  async takeMessage(): Promise<boolean> {
    return this.#messages.take('m');
  }

  /**
   * Forget everything this object keeps about the visitor (a data subject's erasure, docs/privacy.md): stored
   * answers (which hold offline messages' text), quota windows, email and continuation ledgers. Waits for a start
   * in progress; safe to run again.
   */
  async erase(): Promise<void> {
    const run = this.#queue.then(async () => {
      await this.ctx.storage.deleteAll();
      this.#ledger = new VisitorLedger(this.ctx.storage);
      this.#links = new ContinuationLedger(this.ctx.storage);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Start (or return) the visitor's conversation, with the offline form's message if any. */
  async start(input: StartInput): Promise<DoResult<Started>> {
    const run = this.#queue.then(() => this.#start(input));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #start(input: StartInput): Promise<DoResult<Started>> {
    const now = Date.now();
    this.#ledger.prune(now, Q.clientKeyHours * HOUR, Q.startWindowHours * HOUR);
    if (input.clientKey) {
      const answered = this.#ledger.answer<Started>(input.clientKey);
      if (answered) return done({ ...answered, notify: false });
    }
    if (input.message && (this.#ledger.count('offline', now - HOUR) >= Q.offlinePerHour || !this.#messages.take('m'))) {
      return refused('rate_limited', 'Too many messages, slow down');
    }
    let conversation = await findOpenConversation(getDb(this.env.DB), input.visitor.id);
    const created = !conversation;
    if (!conversation) {
      if (this.#ledger.count('start', now - Q.startWindowHours * HOUR) >= Q.starts)
        return refused('rate_limited', 'Too many new conversations, slow down');
      conversation = await startConversation(this.env, input.site, input.visitor);
      this.#ledger.record('start', now);
    }
    let result: Started = { created, conversation, notify: false };
    if (input.message) {
      // Charged above (the budget lives here), so the conversation does not ask back.
      const who = { role: 'visitor' as const, id: input.visitor.id, name: input.visitor.name };
      const posted = await this.env.CONVERSATIONS.getByName(conversation.id).post(
        who,
        { kind: 'text', body: input.message },
        { charged: true },
      );
      // The conversation's own refusal (not_found, rate_limited), as it gave it.
      if (!posted.ok) return posted;
      this.#ledger.record('offline', now);
      const notify =
        !!input.teamAway && this.#ledger.claimTeamEmail(conversation.id, now, Q.offlineEmailMinutes * 60_000);
      result = { created, conversation: { ...conversation, lastSeq: posted.value.seq }, message: posted.value, notify };
    }
    if (input.clientKey) this.#ledger.remember(input.clientKey, result, now);
    return done(result);
  }
}
