import { env } from 'cloudflare:workers';
import { api, unique, waitFor } from '../../test/helpers';

/** A delivery as the local receiver recorded it (scripts/webhook-receiver.mjs). */
export type Received = { headers: Record<string, string>; body: any; valid: boolean; open: boolean; closed: boolean };

/** One inbox of the local receiver: its URL, how it answers, what it got. */
export function inbox(name = `in${unique()}`) {
  const base = env.WEBHOOK_RECEIVER_URL;
  const post = (path: string, body: unknown) =>
    fetch(`${base}/${path}/${name}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
  return {
    url: `${base}/${name}`,
    /** How it answers from now on: {secret, status, hang, failConversation}. */
    config: (c: Record<string, unknown>) => post('_config', c),
    /** Answer (200) every request held by `hang`. */
    release: () => post('_release', {}),
    requests: async (): Promise<Received[]> => (await fetch(`${base}/_requests/${name}`)).json(),
    /** Wait until at least `n` requests arrived (or `match` holds); returns them all. */
    async until(match: (r: Received[]) => boolean, ms = 8000): Promise<Received[]> {
      let got: Received[] = [];
      await waitFor(async () => match((got = await this.requests())), ms);
      return got;
    },
  };
}

/** Create a webhook; fails the test unless it is created. Returns the webhook and its secret. */
export async function webhook(token: string, body: Record<string, unknown>) {
  const res = await api('/api/webhooks', { token, body });
  if (res.status !== 201) throw new Error(`webhook failed: ${JSON.stringify(res.body)}`);
  return res.body as { webhook: { id: string; enabled: boolean }; secret: string };
}

/** A webhook's delivery log (GET /api/webhooks/:id/deliveries). */
export const deliveriesOf = async (token: string, id: string): Promise<any[]> =>
  (await api(`/api/webhooks/${id}/deliveries`, { token })).body.deliveries;

/** The events of the receiver's requests, in arrival order, as "type" or "type:seq" for messages. */
export const typesOf = (rs: Received[]) =>
  rs.map((r) => (r.body.data.message ? `${r.body.type}:${r.body.data.message.seq}` : r.body.type));
