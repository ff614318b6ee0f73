import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getDb } from '../db/client';
import { agents } from '../db/schema';
import { agentActor, auditIp, recordAudit } from '../audit/record';
import { errors } from '../lib/errors';
import { limitByIp } from '../lib/ratelimit';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import {
  AcceptInviteBody,
  Agent,
  AuthConfig,
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

const doc = describer('Auth');
const signedIn = z.object({ token: z.string(), agent: Agent });

/** The answer of a sign-in (register, login, accepted invitation): a login token for the agent and the agent. */
async function signedInAs(env: Env, row: Parameters<typeof toAgent>[0]) {
  const token = await signToken({ typ: 'agent', sub: row.id, wid: row.workspaceId, role: row.role }, env);
  return { token, agent: toAgent(row) };
}

/** Register, login, accepting an invitation and who-am-I for agents. */
export const authRoutes = new Hono<AgentEnv>()
  // Public: what the sign-in and register pages need (whether sign-up is open).
  .get(
    '/config',
    doc({ summary: 'Whether sign-up is open or invite-only (SIGNUP)', auth: 'public', ok: [200, AuthConfig] }),
    (c) => c.json<AuthConfig>({ signup: signupMode(c.env) }, 200),
  )
  .post(
    '/register',
    doc({
      summary: 'Create a workspace and its owner',
      description:
        'While sign-up is invite-only, only with a one-time `setup` token (403 signup_closed, 400 invalid_setup_token); 409 email_taken.',
      auth: 'public',
      ok: [201, signedIn],
    }),
    limitByIp('AUTH_LIMITER'),
    validate('json', RegisterBody),
    async (c) => {
      const owner = await registerWorkspace(c.env, c.req.valid('json'), auditIp(c.req.raw));
      return c.json(await signedInAs(c.env, owner), 201);
    },
  )
  .post(
    '/login',
    doc({
      summary: 'Sign in as an agent',
      description: '401 unauthorized; 429 account_locked with Retry-After after 5 failures for one email.',
      auth: 'public',
      ok: [200, signedIn],
    }),
    limitByIp('AUTH_LIMITER'),
    validate('json', LoginBody),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const row = await signIn(c.env, email, password, auditIp(c.req.raw));
      return c.json(await signedInAs(c.env, row), 200);
    },
  )
  .post(
    '/accept-invite',
    doc({
      summary: 'Accept an invitation: set a password and sign in (400 invalid_invite)',
      auth: 'public',
      ok: [200, signedIn],
    }),
    limitByIp('AUTH_LIMITER'),
    validate('json', AcceptInviteBody),
    async (c) => {
      const { token: invite, password } = c.req.valid('json');
      const row = await acceptInvite(getDb(c.env.DB), await hashInviteToken(invite), await hashPassword(password));
      if (!row) throw errors.badRequest('This invitation is invalid or was already used', 'invalid_invite');
      await recordAudit(c.env, row.workspaceId, agentActor(row), auditIp(c.req.raw), {
        action: 'agent.invite_accepted',
        target: { type: 'agent', id: row.id },
        detail: { email: row.email, name: row.name, role: row.role },
      });
      return c.json(await signedInAs(c.env, row), 200);
    },
  )
  .get(
    '/me',
    doc({
      summary: 'The signed-in agent and their notification preferences',
      auth: 'agent',
      ok: [200, z.object({ agent: Agent, preferences: Preferences })],
    }),
    requireAgent(),
    agentsOnly(),
    async (c) => {
      const row = await findAgentById(getDb(c.env.DB), c.var.agent.id);
      if (!row) throw errors.unauthorized();
      return c.json({ agent: toAgent(row), preferences: Preferences.parse(row.preferences) }, 200);
    },
  )
  .patch(
    '/me/preferences',
    doc({
      summary: 'Notification preferences of the signed-in agent',
      auth: 'agent',
      ok: [200, z.object({ preferences: Preferences })],
    }),
    requireAgent(),
    agentsOnly(),
    validate('json', UpdatePreferencesBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const row = await findAgentById(db, c.var.agent.id);
      if (!row) throw errors.unauthorized();
      const preferences = Preferences.parse({ ...Preferences.parse(row.preferences), ...c.req.valid('json') });
      await db.update(agents).set({ preferences }).where(eq(agents.id, row.id));
      return c.json({ preferences }, 200);
    },
  );
