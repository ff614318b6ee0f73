import { z } from 'zod';
import { WEBHOOK_EVENTS } from './webhook-events';

export { WEBHOOK_EVENTS } from './webhook-events';
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** Webhooks per workspace (409 webhook_limit past it). */
export const WEBHOOKS_PER_WORKSPACE = 10;

const Url = z.string().trim().min(1).max(2000);
const Events = z.array(WebhookEvent).min(1).max(WEBHOOK_EVENTS.length);

/** POST /api/webhooks. The URL is checked by the server (400 invalid_url): https, a public host. */
export const CreateWebhookBody = z.object({
  url: Url,
  events: Events,
  /** Internal notes are sent only when asked for here (message events of kind "note"). */
  includeNotes: z.boolean().optional(),
  description: z.string().trim().max(200).optional(),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

/** PATCH /api/webhooks/:id: any of the fields; `enabled: true` turns a disabled webhook back on. */
export const UpdateWebhookBody = z
  .object({
    url: Url,
    events: Events,
    includeNotes: z.boolean(),
    description: z.string().trim().max(200),
    enabled: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

/** A webhook as the API returns it; the secret only in the answers of create and rotate-secret. */
export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEvent),
  includeNotes: z.boolean(),
  enabled: z.boolean(),
  /** Set when it was turned off; `disabledReason` "failing" when Parley turned it off after sustained failure. */
  disabledAt: z.string().nullable(),
  disabledReason: z.enum(['failing', 'admin']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

/** Where a delivery stands: waiting for its (next) attempt, received (2xx), or given up. */
export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One entry of a webhook's delivery log. */
export const WebhookDelivery = z.object({
  /** The delivery id: the `id` of the body and the X-Parley-Delivery header; the same on every attempt. */
  id: z.string(),
  type: WebhookEvent,
  conversationId: z.string().nullable(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** GET /api/webhooks/:id/deliveries: newest first, optionally one status. */
export const DeliveriesQuery = z.object({
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;
