import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { errors, isUniqueViolation } from '../lib/errors';
import { limitByIp } from '../lib/ratelimit';
import { validate } from '../lib/validate';
import { AcceptInviteBody, LoginBody, Preferences, RegisterBody, UpdatePreferencesBody } from '../protocol';
import { hashInviteToken } from './invite-token';
import { type AgentEnv, requireAgent } from './middleware';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { acceptInvite, createWorkspaceWithOwner, findAgentByEmail, findAgentById, toAgent } from './queries';
import { signToken } from './tokens';

/** Register, login, accepting an invitation and who-am-I for agents. */
export const authRoutes = new Hono<AgentEnv>()
  .post('/register', limitByIp('AUTH_LIMITER'), validate('json', RegisterBody), async (c) => {
    const body = c.req.valid('json');
    const db = getDb(c.env.DB);
    if (await findAgentByEmail(db, body.email)) throw errors.conflict('email_taken', 'An account with this email exists');
    // The pre-check above can pass for two requests at once: the unique index decides, the loser gets 409.
    const owner = await createWorkspaceWithOwner(db, { ...body, passwordHash: await hashPassword(body.password) })
      .catch((err) => { throw isUniqueViolation(err, 'agents.email') ? errors.conflict('email_taken', 'An account with this email exists') : err; });
    const token = await signToken({ typ: 'agent', sub: owner.id, wid: owner.workspaceId, role: owner.role }, c.env.AUTH_SECRET);
    return c.json({ token, agent: toAgent(owner) }, 201);
  })
  .post('/login', limitByIp('AUTH_LIMITER'), validate('json', LoginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const row = await findAgentByEmail(getDb(c.env.DB), email);
    // Verify against a dummy hash for unknown emails so response time does not reveal which exist.
    const ok = await verifyPassword(password, row?.passwordHash || DUMMY_HASH);
    // Invited agents have no password yet, deactivated ones are locked out: both look like a wrong password.
    if (!row || !ok || !row.active || row.invited) throw errors.unauthorized('Wrong email or password');
    const token = await signToken({ typ: 'agent', sub: row.id, wid: row.workspaceId, role: row.role }, c.env.AUTH_SECRET);
    return c.json({ token, agent: toAgent(row) }, 200);
  })
  .post('/accept-invite', limitByIp('AUTH_LIMITER'), validate('json', AcceptInviteBody), async (c) => {
    const { token: invite, password } = c.req.valid('json');
    const row = await acceptInvite(getDb(c.env.DB), await hashInviteToken(invite), await hashPassword(password));
    if (!row) throw errors.badRequest('This invitation is invalid or was already used', 'invalid_invite');
    const token = await signToken({ typ: 'agent', sub: row.id, wid: row.workspaceId, role: row.role }, c.env.AUTH_SECRET);
    return c.json({ token, agent: toAgent(row) }, 200);
  })
  .get('/me', requireAgent(), async (c) => {
    const row = await findAgentById(getDb(c.env.DB), c.var.agent.id);
    if (!row) throw errors.unauthorized();
    return c.json({ agent: toAgent(row), preferences: Preferences.parse(row.preferences) }, 200);
  })
  .patch('/me/preferences', requireAgent(), validate('json', UpdatePreferencesBody), async (c) => {
    const db = getDb(c.env.DB);
    const row = await findAgentById(db, c.var.agent.id);
    if (!row) throw errors.unauthorized();
    const preferences = Preferences.parse({ ...Preferences.parse(row.preferences), ...c.req.valid('json') });
    await db.update(agents).set({ preferences }).where(eq(agents.id, row.id));
    return c.json({ preferences }, 200);
  });
