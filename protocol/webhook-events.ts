// The webhook event types (docs/integrations.md "Events"), zod-free so the console lists them without bringing
// zod (its CSP forbids the eval zod probes for); protocol/webhooks.ts builds its schemas on them.

/** Every event a webhook can ask for (docs/integrations.md "Webhooks"). */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'message.created',
  'message.updated',
  'visitor.created',
  'visitor.updated',
  'rating.created',
] as const;
