import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { agents, type sites } from '../db/schema';
import type { VisitorMessage } from '../../../protocol';
import { continueUrl, publicBase, unsubscribeUrl } from './links';
import { emailProvider } from './providers';
import { continueLinkEmail, offlineMessageEmail, transcriptEmail } from './templates';

/** A visitor left a message while nobody could answer: email every active agent of the workspace, once each per message. */
export async function notifyAgentsOfOfflineMessage(
  env: Env,
  site: typeof sites.$inferSelect,
  conversationId: string,
  seq: number,
  from: string,
  message: string,
) {
  const team = await getDb(env.DB)
    .select({ id: agents.id, email: agents.email })
    .from(agents)
    .where(and(eq(agents.workspaceId, site.workspaceId), eq(agents.active, true), eq(agents.invited, false)));
  const mail = offlineMessageEmail(site.name, from, message, `${publicBase(env)}/conversations/${conversationId}`);
  const provider = emailProvider(env);
  await Promise.all(
    team.map((a) =>
      provider.send({
        ...mail,
        workspaceId: site.workspaceId,
        to: a.email,
        from: env.EMAIL_FROM,
        idempotencyKey: `offline/${conversationId}/${seq}/${a.id}`,
      }),
    ),
  );
}

/** The whole conversation (without internal notes) to the visitor's email; asking twice for the same state sends once. */
export async function sendTranscript(
  env: Env,
  site: typeof sites.$inferSelect,
  conv: { id: string; visitorId: string },
  to: string,
  messages: VisitorMessage[],
) {
  const visible = messages.filter((m) => !m.deletedAt);
  const base = publicBase(env);
  const mail = transcriptEmail(site.name, visible, await unsubscribeUrl(env, base, conv.visitorId));
  await emailProvider(env).send({
    ...mail,
    workspaceId: site.workspaceId,
    to,
    from: env.EMAIL_FROM,
    idempotencyKey: `transcript/${conv.id}/${visible.at(-1)?.seq ?? 0}`,
  });
}

/** The continuation link a visitor asked for (widget: "email me a link"), to the address they gave. */
export async function sendContinueLink(
  env: Env,
  site: typeof sites.$inferSelect,
  visitor: { id: string; email: string | null; currentUrl: string | null; landingUrl: string | null },
  conversationId: string,
  token: string,
) {
  const base = publicBase(env);
  const url = continueUrl(visitor.currentUrl ?? visitor.landingUrl, site.allowedOrigins, base, token);
  const mail = continueLinkEmail(site.name, url, await unsubscribeUrl(env, base, visitor.id));
  await emailProvider(env).send({
    ...mail,
    workspaceId: site.workspaceId,
    to: visitor.email!,
    from: env.EMAIL_FROM,
    idempotencyKey: `continue/${conversationId}/${Date.now()}`,
  });
}
