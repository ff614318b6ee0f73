// REST calls of the workspace's webhooks (owners and admins; 403 forbidden otherwise).
import type { CreateWebhookBody, DeliveryStatus, UpdateWebhookBody, Webhook, WebhookDelivery } from '../../protocol';
import { call, client } from './api';

const hooks = client.api.webhooks;

/** List, create, change, rotate and remove webhooks; read a delivery log and send a delivery again. */
export const webhookApi = {
  list: (): Promise<{ webhooks: Webhook[] }> => call(hooks.$get()),
  create: (body: CreateWebhookBody): Promise<{ webhook: Webhook; secret: string }> => call(hooks.$post({ json: body })),
  update: (id: string, body: UpdateWebhookBody): Promise<{ webhook: Webhook }> =>
    call(hooks[':id'].$patch({ param: { id }, json: body })),
  remove: async (id: string): Promise<void> => {
    await call(hooks[':id'].$delete({ param: { id } }));
  },
  rotate: (id: string): Promise<{ secret: string }> => call(hooks[':id']['rotate-secret'].$post({ param: { id } })),
  deliveries: (id: string, status?: DeliveryStatus): Promise<{ deliveries: WebhookDelivery[] }> =>
    call(hooks[':id'].deliveries.$get({ param: { id }, query: status ? { status } : {} })),
  redeliver: (id: string, deliveryId: string): Promise<{ delivery: WebhookDelivery }> =>
    call(hooks[':id'].deliveries[':deliveryId'].redeliver.$post({ param: { id, deliveryId } })),
};
