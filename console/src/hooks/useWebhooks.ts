// The workspace's webhooks for the Webhooks page: loaded on mount, reloaded after each change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CreateWebhookBody, UpdateWebhookBody, Webhook } from '../../../protocol';
import type { ApiError } from '../api';
import { webhookApi } from '../api-webhooks';

/** The webhooks (null until the first answer), the last error, a secret to show once, and the actions. */
export function useWebhooks() {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const reload = useCallback(async () => {
    try {
      setWebhooks((await webhookApi.list()).webhooks);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await reload();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    }
  };
  return {
    webhooks,
    error,
    forbidden: error?.status === 403,
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
