// /api/tokens: API tokens for integrations, managed by owners and admins signed in (docs/integrations.md).
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit/record';
import { newApiToken } from '../auth/api-tokens';
import { type AgentEnv, agentsOnly, requireAgent } from '../auth/middleware';
import { getDb } from '../db/client';
import { apiError, errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { describer } from '../openapi/describe';
import { ApiToken, CreateApiTokenBody, type CreatedApiToken } from '../../../protocol';
import { countLiveTokens, insertApiToken, listApiTokens, MAX_LIVE_TOKENS, revokeApiToken, toApiToken } from './queries';

/** The longest life a token may be given (protocol/tokens.ts CreateApiTokenBody). */
const MAX_TOKEN_LIFE_MS = 2 * 366 * 86_400_000;

const doc = describer('API tokens');
const one = z.object({ token: ApiToken });

/** List, create (the secret answered once) and revoke. A token cannot manage tokens: a leaked one cannot mint more. */
export const tokenRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({
      summary: "The workspace's API tokens, never their secrets (owners and admins signed in)",
      auth: 'admin',
      ok: [200, z.object({ tokens: z.array(ApiToken) })],
    }),
    agentsOnly('tokens:manage'),
    async (c) => {
      return c.json({ tokens: await listApiTokens(getDb(c.env.DB), c.var.agent.workspaceId) }, 200);
    },
  )
  .post(
    '/',
    doc({
      summary: 'Create an API token; its secret is in this answer only',
      auth: 'admin',
      ok: [201, z.object({ token: ApiToken, secret: z.string() })],
    }),
    agentsOnly('tokens:manage'),
    validate('json', CreateApiTokenBody),
    async (c) => {
      const { name, scopes, expiresAt } = c.req.valid('json');
      const expires = expiresAt ? Date.parse(expiresAt) : null;
      if (expires !== null && expires <= Date.now()) throw errors.badRequest('expiresAt: must be in the future');
      // A credential that outlives anyone's memory of it is a leak waiting: 2 years at most (GitHub allows one).
      if (expires !== null && expires > Date.now() + MAX_TOKEN_LIFE_MS)
        throw errors.badRequest('expiresAt: at most 2 years away');
      // Never more than the creator's role has (an admin has every API scope; the check keeps it so if roles change).
      const beyond = scopes.filter((s) => !c.var.agent.scopes.includes(s));
      if (beyond.length) throw errors.forbidden(`Your role cannot grant ${beyond.join(', ')}`);
      if ((await countLiveTokens(getDb(c.env.DB), c.var.agent.workspaceId, Date.now())) >= MAX_LIVE_TOKENS) {
        throw apiError('token_limit', `A workspace holds at most ${MAX_LIVE_TOKENS} tokens: revoke one first`);
      }
      const { secret, hash, hint } = await newApiToken();
      const { id, name: creatorName, workspaceId } = c.var.agent;
      const row = await insertApiToken(getDb(c.env.DB), {
        workspaceId,
        name,
        scopes,
        hash,
        hint,
        creator: { id, name: creatorName },
        expiresAt: expires,
      });
      const token = toApiToken(row, { active: true, workspaceId, after: 0 });
      await audit(c, {
        action: 'token.create',
        target: { type: 'token', id: row.id },
        detail: { name, scopes, expiresAt: token.expiresAt, hint: token.hint },
      });
      return c.json<CreatedApiToken>({ token, secret }, 201);
    },
  )
  .delete(
    '/:id',
    doc({ summary: 'Revoke an API token (refused from the next request)', auth: 'admin', ok: [200, one] }),
    agentsOnly('tokens:manage'),
    async (c) => {
      const result = await revokeApiToken(getDb(c.env.DB), c.var.agent.workspaceId, c.req.param('id'));
      if (!result) throw errors.notFound('API token');
      if (result.changed)
        await audit(c, {
          action: 'token.revoke',
          target: { type: 'token', id: result.token.id },
          detail: { name: result.token.name, hint: result.token.hint },
        });
      return c.json({ token: result.token }, 200);
    },
  );
