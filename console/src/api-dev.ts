// REST call of the developer outbox: mail the local email provider kept instead of sending.
import { call, client } from './api';

/** One kept email, as GET /api/dev/outbox returns it (replyTo is null when the mail had none). */
export type OutboxEmail = {
  id: string;
  to: string;
  from: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
};

/** The outbox, newest first; owners and admins only (403 forbidden for agents). */
export const devApi = {
  outbox: (): Promise<{ emails: OutboxEmail[] }> => call(client.api.dev.outbox.$get()),
};
