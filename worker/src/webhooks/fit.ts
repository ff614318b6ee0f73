import type { WebhookEvent } from '../../../protocol';

/** The webhook's configuration as an attempt needs it, read from D1 just before the attempt (never cached). */
export type Hook = {
  id: string;
  url: string;
  secret: string;
  workspaceId: string;
  events: WebhookEvent[];
  includeNotes: boolean;
  enabled: boolean;
};

/** A queued delivery as the current configuration allows it: the body to send, or why it is not sent. */
export type Fit = { body: string } | { skip: string };

/**
 * A delivery was queued under the configuration of its time; it goes out under the current one. An event the
 * webhook no longer subscribes to is not sent, nor a note once `includeNotes` is off; a conversation view loses
 * its `notes` field then (and a `conversation.updated` whose only change was the notes is not sent).
 */
export function fitToConfig(hook: Pick<Hook, 'events' | 'includeNotes'>, d: { type: WebhookEvent; body: string }): Fit {
  if (!hook.events.includes(d.type)) return { skip: `not sent: the webhook no longer subscribes to ${d.type}` };
  if (hook.includeNotes || !(d.body.includes('"notes"') || d.body.includes('"note"'))) return { body: d.body };
  type View = Record<string, unknown>;
  const payload = JSON.parse(d.body) as { data?: { message?: View; conversation?: View; changes?: View } };
  const data = payload.data ?? {};
  if (data.message?.kind === 'note') return { skip: 'not sent: the webhook no longer includes notes' };
  let changed = false;
  if (data.conversation && 'notes' in data.conversation) {
    delete data.conversation.notes;
    changed = true;
  }
  if (data.changes && 'notes' in data.changes) {
    delete data.changes.notes;
    changed = true;
    if (!Object.keys(data.changes).length) return { skip: 'not sent: its only change was the notes' };
  }
  return { body: changed ? JSON.stringify(payload) : d.body };
}
