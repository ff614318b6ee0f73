import type { WebhookEvent } from '../../../protocol';
import type { ProjectedConversation } from './diff';

/** What a relay learns of a listening webhook from its projection write, and hands its delivery object. */
export type HookTarget = {
  id: string;
  workspaceId: string;
  events: WebhookEvent[];
  includeNotes: boolean;
  createdAt: string;
};

/** The listening webhooks in the JSON the projection write returned ('[]' or null: none). */
export function parseTargets(json: string | null): HookTarget[] {
  if (!json || json === '[]') return [];
  return (JSON.parse(json) as (HookTarget & { includeNotes: number | boolean })[]).map((t) => ({
    ...t,
    includeNotes: !!t.includeNotes,
  }));
}

/**
 * Hand a batch of projections to each listening webhook's delivery object (one RPC each; the object only
 * queues, it never waits for a receiver). Rejects if one refused: the relay then reports the projection as
 * failed and its conversation retries it, which the objects' baselines turn into no duplicate event.
 */
export async function offerToWebhooks(env: Env, targets: HookTarget[], items: ProjectedConversation[]) {
  if (!targets.length || !items.length) return;
  await Promise.all(targets.map((t) => env.WEBHOOKS.getByName(t.id).ingest(t, items)));
}
