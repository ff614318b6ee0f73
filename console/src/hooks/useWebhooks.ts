// The workspace's webhooks for the Webhooks page: loaded on mount, reloaded after each change.
import { useState } from 'preact/hooks';
import type { CreateWebhookBody, UpdateWebhookBody } from '../../../protocol';
import { webhookApi } from '../api-webhooks';
import { useLoaded } from './useLoaded';

/** The webhooks (null until the first answer), the last error, a secret to show once, and the actions. */
export function useWebhooks() {
  const { data, error, forbidden, run } = useLoaded(async () => (await webhookApi.list()).webhooks, []);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  return {
    webhooks: data,
    error,
    forbidden,
    secret,
    clearSecret: () => setSecret(null),
    create: (body: CreateWebhookBody) =>
      run(async () => {
        const made = await webhookApi.create(body);
        setSecret({ id: made.webhook.id, secret: made.secret });
      }),
    update: (id: string, body: UpdateWebhookBody) => run(() => webhookApi.update(id, body)),
    rotate: (id: string) => run(async () => setSecret({ id, secret: (await webhookApi.rotate(id)).secret })),
    remove: (id: string) => run(() => webhookApi.remove(id)),
  };
}
