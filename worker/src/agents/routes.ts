import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { audit } from '../audit/record';
import { newInviteToken } from '../auth/invite-token';
import { type AgentEnv, agentsOnly, requireAgent, requireScope } from '../auth/middleware';
import { findAgentByEmail, findWorkspaceAgent, selectAgents, toAgent } from '../auth';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { Agent, InviteAgentBody, UpdateAgentBody } from '../../../protocol';
import { auditAgentChanges } from './audit-changes';
import { afterDeactivation } from './deactivate';
import { checkAgentChange, resolveDepartments } from './rules';
import { createInvitedAgent, isEmailTaken, updateAgent } from './queries';

const doc = describer('Team');

const emailTaken = () => errors.conflict('email_taken', 'An account with this email exists');

/** Agents of the caller's workspace: anyone lists; owners and admins invite and change. */
export const agentRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({ summary: "The workspace's agents", auth: 'agent', ok: [200, z.object({ agents: z.array(Agent) })] }),
    requireScope('team:read'),
    async (c) => {
      const rows = await selectAgents(getDb(c.env.DB), eq(agents.workspaceId, c.var.agent.workspaceId));
      return c.json({ agents: rows.map(toAgent) }, 200);
    },
  )
  .post(
    '/',
    doc({
      summary: 'Invite an agent; returns the invite link (409 email_taken)',
      auth: 'admin',
      ok: [201, z.object({ agent: Agent, inviteUrl: z.string() })],
    }),
    agentsOnly('team:manage'),
    validate('json', InviteAgentBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const { workspaceId } = c.var.agent;
      const body = c.req.valid('json');
      // Emails are unique across workspaces: an email is one login.
      if (await findAgentByEmail(db, body.email)) throw emailTaken();
      const departmentIds = await resolveDepartments(db, workspaceId, body.departmentIds);
      const invite = await newInviteToken();
      const id = await createInvitedAgent(db, workspaceId, {
        ...body,
        departmentIds,
        inviteTokenHash: invite.hash,
      }).catch((err) => {
        throw isEmailTaken(err) ? emailTaken() : err;
      });
      const row = await findWorkspaceAgent(db, workspaceId, id);
      if (!row) throw new Error(`invited agent ${id} vanished`);
      await audit(c, {
        action: 'agent.invite',
        target: { type: 'agent', id },
        detail: { email: row.email, name: row.name, role: row.role },
      });
      // No email yet: the inviter passes the link on (sending it comes with the email issue).
      const publicUrl: string = c.env.PUBLIC_URL; // typed as the literal "" from wrangler.toml
      const origin = publicUrl ? publicUrl.replace(/\/+$/, '') : new URL(c.req.url).origin;
      return c.json({ agent: toAgent(row), inviteUrl: `${origin}/accept-invite?token=${invite.token}` }, 201);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change an agent: name, role, active, capacity, departments (409 last_owner)',
      auth: 'admin',
      ok: [200, z.object({ agent: Agent })],
    }),
    agentsOnly('team:manage'),
    validate('json', UpdateAgentBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const caller = c.var.agent;
      const body = c.req.valid('json');
      const target = await findWorkspaceAgent(db, caller.workspaceId, c.req.param('id'));
      if (!target) throw errors.notFound('Agent');
      const stripsOwner = await checkAgentChange(db, caller, target, body);
      const departmentIds =
        body.departmentIds && (await resolveDepartments(db, caller.workspaceId, body.departmentIds));
      const applied = await updateAgent(db, target, { ...body, departmentIds }, stripsOwner);
      if (!applied) throw errors.conflict('last_owner', 'The workspace needs at least one active owner');
      // Locked out at once: sockets close, open conversations go back to the queue (idempotent, so a retry completes it).
      if (body.active === false) await afterDeactivation(c.env, target);
      const row = await findWorkspaceAgent(db, caller.workspaceId, target.id);
      await auditAgentChanges(c, toAgent(target), toAgent(row!));
      return c.json({ agent: toAgent(row!) }, 200);
    },
  );
