import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { agentActor, auditIp, recordAudit } from '../audit/record';
import { errors } from '../lib/errors';
import { limitByIp } from '../lib/ratelimit';
import { validate } from '../lib/validate';
import {
  AcceptInviteBody,
  type AuthConfig,
  LoginBody,
  Preferences,
  RegisterBody,
  UpdatePreferencesBody,
} from '../../../protocol';
import { hashInviteToken } from './invite-token';
import { type AgentEnv, agentsOnly, requireAgent } from './middleware';
import { signIn } from './login';
import { hashPassword } from './password';
import { acceptInvite, findAgentById, toAgent } from './queries';
import { registerWorkspace } from './register';
import { signupMode } from './signup';
import { signToken } from './tokens';

/** Register, login, accepting an invitation and who-am-I for agents. */
export const authRoutes = new Hono<AgentEnv>()
  // Public: what the sign-in and register pages need (whether sign-up is open).
  .get('/config', (c) => c.json<AuthConfig>({ signup: signupMode(c.env) }, 200))
  .post('/register', limitByIp('AUTH_LIMITER'), validate('json', RegisterBody), async (c) => {
    const owner = await registerWorkspace(c.env, c.req.valid('json'), auditIp(c.req.raw));
    const token = await signToken({ typ: 'agent', sub: owner.id, wid: owner.workspaceId, role: owner.role }, c.env);
    return c.json({ token, agent: toAgent(owner) }, 201);
  })
  .post('/login', limitByIp('AUTH_LIMITER'), validate('json', LoginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const row = await signIn(c.env, email, password, auditIp(c.req.raw));
    const token = await signToken({ typ: 'agent', sub: row.id, wid: row.workspaceId, role: row.role }, c.env);
    return c.json({ token, agent: toAgent(row) }, 200);
  })
  .post('/accept-invite', limitByIp('AUTH_LIMITER'), validate('json', AcceptInviteBody), async (c) => {
    const { token: invite, password } = c.req.valid('json');
    const row = await acceptInvite(getDb(c.env.DB), await hashInviteToken(invite), await hashPassword(password));
    if (!row) throw errors.badRequest('This invitation is invalid or was already used', 'invalid_invite');
    await recordAudit(c.env, row.workspaceId, agentActor(row), auditIp(c.req.raw), {
      action: 'agent.invite_accepted',
      target: { type: 'agent', id: row.id },
      detail: { email: row.email, name: row.name, role: row.role },
    });
    const token = await signToken({ typ: 'agent', sub: row.id, wid: row.workspaceId, role: row.role }, c.env);
    return c.json({ token, agent: toAgent(row) }, 200);
  })
  .get('/me', requireAgent(), agentsOnly(), async (c) => {
    const row = await findAgentById(getDb(c.env.DB), c.var.agent.id);
    if (!row) throw errors.unauthorized();
    return c.json({ agent: toAgent(row), preferences: Preferences.parse(row.preferences) }, 200);
  })
  .patch('/me/preferences', requireAgent(), agentsOnly(), validate('json', UpdatePreferencesBody), async (c) => {
    const db = getDb(c.env.DB);
    const row = await findAgentById(db, c.var.agent.id);
    if (!row) throw errors.unauthorized();
    const preferences = Preferences.parse({ ...Preferences.parse(row.preferences), ...c.req.valid('json') });
    await db.update(agents).set({ preferences }).where(eq(agents.id, row.id));
    return c.json({ preferences }, 200);
  });
