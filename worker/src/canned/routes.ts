import { Hono } from 'hono';
import { type AgentEnv, type AgentIdentity, agentsOnly, requireAgent } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { CannedQuery, CannedResponse, CreateCannedBody, UpdateCannedBody } from '../../../protocol';
import {
  createCanned,
  deleteCanned,
  findVisibleCanned,
  listCanned,
  shortcutTaken,
  toCanned,
  updateCanned,
  useCanned,
} from './queries';

const doc = describer('Canned responses');
const one = z.object({ cannedResponse: CannedResponse });

const isAdmin = (a: AgentIdentity) => a.role !== 'agent';
const taken = () => errors.conflict('shortcut_taken', 'You already have a canned response with this shortcut');

/** May this agent change this response? Personal: its owner. Shared: owners and admins. */
function assertCanEdit(agent: AgentIdentity, row: { ownerId: string | null }) {
  if (row.ownerId === null ? !isAdmin(agent) : row.ownerId !== agent.id)
    throw errors.forbidden('You may not change this canned response');
}

/** Canned responses: shared ones for the workspace, personal ones per agent. */
export const cannedRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({
      summary: 'Shared and own canned responses, most used first (q: shortcut, title, content)',
      auth: 'agent',
      ok: [200, z.object({ cannedResponses: z.array(CannedResponse) })],
    }),
    agentsOnly(),
    validate('query', CannedQuery),
    async (c) => {
      const rows = await listCanned(getDb(c.env.DB), c.var.agent.workspaceId, c.var.agent.id, c.req.valid('query').q);
      return c.json({ cannedResponses: rows.map(toCanned) }, 200);
    },
  )
  .post(
    '/',
    doc({ summary: 'Create one (shared: owners and admins; 409 shortcut_taken)', auth: 'agent', ok: [201, one] }),
    agentsOnly(),
    validate('json', CreateCannedBody),
    async (c) => {
      const { shared, ...body } = c.req.valid('json');
      const { agent } = c.var;
      if (shared && !isAdmin(agent)) throw errors.forbidden('Only owners and admins create shared canned responses');
      const db = getDb(c.env.DB);
      if (await shortcutTaken(db, agent.workspaceId, agent.id, body.shortcut)) throw taken();
      const row = await createCanned(db, agent.workspaceId, shared ? null : agent.id, body);
      return c.json({ cannedResponse: toCanned(row) }, 201);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Change one (personal: its owner; shared: owners and admins)', auth: 'agent', ok: [200, one] }),
    agentsOnly(),
    validate('json', UpdateCannedBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const { agent } = c.var;
      const row = await findVisibleCanned(db, agent.workspaceId, agent.id, c.req.param('id'));
      if (!row) throw errors.notFound('Canned response');
      assertCanEdit(agent, row);
      const { shared, ...changes } = c.req.valid('json');
      if (shared === true && !isAdmin(agent)) throw errors.forbidden('Only owners and admins share canned responses');
      if (changes.shortcut && (await shortcutTaken(db, agent.workspaceId, agent.id, changes.shortcut, row.id)))
        throw taken();
      const ownerId = shared === undefined ? undefined : shared ? null : (row.ownerId ?? agent.id);
      const next = await updateCanned(db, row, { ...changes, ...(ownerId !== undefined ? { ownerId } : {}) });
      return c.json({ cannedResponse: toCanned(next) }, 200);
    },
  )
  .delete('/:id', doc({ summary: 'Delete one', auth: 'agent', ok: [204, null] }), agentsOnly(), async (c) => {
    const db = getDb(c.env.DB);
    const { agent } = c.var;
    const row = await findVisibleCanned(db, agent.workspaceId, agent.id, c.req.param('id'));
    if (!row) throw errors.notFound('Canned response');
    assertCanEdit(agent, row);
    await deleteCanned(db, row.id);
    return c.body(null, 204);
  })
  .post('/:id/use', doc({ summary: 'Count one use', auth: 'agent', ok: [200, one] }), agentsOnly(), async (c) => {
    const db = getDb(c.env.DB);
    const row = await findVisibleCanned(db, c.var.agent.workspaceId, c.var.agent.id, c.req.param('id'));
    if (!row) throw errors.notFound('Canned response');
    return c.json({ cannedResponse: toCanned(await useCanned(db, row.id)) }, 200);
  });
