import { Hono } from 'hono';
import { type EitherEnv, requireAgentOrVisitor, requireScope } from '../auth/middleware';
import { assertNotBlocked, requestIp } from '../blocks/enforce';
import { findVisitorConversation, findWorkspaceConversation } from '../conversations';
import { getDb } from '../db/client';
import { wellFormed } from '../lib/clean';
import { errors } from '../lib/errors';
import { visitorSite } from '../widget';
import { describer } from '../openapi/describe';

/**
 * Downloads, for those who may see the conversation: its visitor (from an allowed
 * origin) or an agent of its workspace. Tokens come in the Authorization header only,
 * so pages fetch files and show them from object URLs.
 */
export const fileRoutes = new Hono<EitherEnv>().get(
  '/:conversationId/:fileId',
  describer('Conversations')({
    summary: 'Download a file (its visitor, from an allowed origin, or an agent of the workspace)',
    auth: 'either',
    ok: [200, null],
    media: 'application/octet-stream',
  }),
  requireAgentOrVisitor(),
  requireScope('conversations:read'),
  async (c) => {
    const db = getDb(c.env.DB);
    const conversationId = c.req.param('conversationId');
    const { agent, visitor } = c.var;
    if (agent) {
      if (!(await findWorkspaceConversation(db, agent.workspaceId, conversationId))) throw errors.notFound('File');
    } else if (visitor) {
      const site = await visitorSite(db, c.req.raw, visitor);
      await assertNotBlocked(c.env, site.id, { visitorId: visitor.id, ip: requestIp(c.req.raw) });
      // A session opened by a continuation link reaches its one conversation only (docs/widget.md).
      if (visitor.conv && visitor.conv !== conversationId) throw errors.notFound('File');
      if (!(await findVisitorConversation(db, visitor.id, conversationId))) throw errors.notFound('File');
    } else throw errors.unauthorized();
    // Only ids upload.ts makes: anything else (e.g. 5000 characters, over R2's key limit) is simply not found.
    const fileId = c.req.param('fileId');
    if (!/^fl_[0-9a-f]{32}$/.test(fileId)) throw errors.notFound('File');
    const object = await c.env.UPLOADS.get(`${conversationId}/${fileId}`);
    if (!object) throw errors.notFound('File');
    const type = object.httpMetadata?.contentType ?? 'application/octet-stream';
    const name = object.customMetadata?.name ?? 'file';
    return new Response(object.body, {
      headers: {
        'Content-Type': type,
        'Content-Length': String(object.size),
        // Images may show inline; everything else downloads. Nothing uploaded may run as a page.
        'Content-Disposition': `${type.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(wellFormed(name))}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, max-age=3600',
      },
    });
  },
);
