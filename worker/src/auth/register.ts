// Creating a workspace and its owner: open sign-up, or a one-time setup link while sign-up is invite-only.
import { agentActor, recordAudit } from '../audit/record';
import { getDb } from '../db/client';
import { errors, isUniqueViolation } from '../lib/errors';
import type { RegisterBody } from '../../../protocol';
import { hashPassword } from './password';
import { type AgentRow, createWorkspaceWithOwner, findAgentByEmail } from './queries';
import { claimSetupToken, finishSetupToken, releaseSetupToken, signupMode } from './signup';

const emailTaken = () => errors.conflict('email_taken', 'An account with this email exists');

/**
 * Register a workspace with its owner. While sign-up is invite-only only a valid setup token may (403
 * `signup_closed` before anything else, so a closed server reveals no emails). A token, when given, is
 * always checked and used up, in either mode.
 */
export async function registerWorkspace(env: Env, body: RegisterBody, ip: string | null): Promise<AgentRow> {
  const { setup, ...input } = body;
  if (setup === undefined && signupMode(env) !== 'open') {
    throw errors.forbidden(
      'Sign-up is closed on this server. Ask an admin of your workspace for an invitation.',
      'signup_closed',
    );
  }
  const db = getDb(env.DB);
  // The token before the email: a made-up token must not tell a closed server's visitors which emails exist.
  const tokenHash = setup === undefined ? null : await claimSetupToken(db, setup, Date.now());
  if (setup !== undefined && !tokenHash)
    throw errors.badRequest('This setup link is invalid, has expired or was already used', 'invalid_setup_token');
  if (await findAgentByEmail(db, input.email)) {
    if (tokenHash) await releaseSetupToken(db, tokenHash);
    throw emailTaken();
  }
  const passwordHash = await hashPassword(input.password);
  // The pre-check above can pass for two requests at once: the unique index decides, the loser gets 409.
  const owner = await createWorkspaceWithOwner(db, { ...input, passwordHash }).catch(async (err) => {
    if (tokenHash) await releaseSetupToken(db, tokenHash);
    throw isUniqueViolation(err, 'agents.email') ? emailTaken() : err;
  });
  if (tokenHash) await finishSetupToken(db, tokenHash, owner.workspaceId);
  await recordAudit(env, owner.workspaceId, agentActor(owner), ip, {
    action: tokenHash ? 'auth.setup' : 'auth.register',
    target: { type: 'workspace', id: owner.workspaceId },
    detail: { email: owner.email, workspace: input.workspace, ...(tokenHash ? { via: 'setup_link' } : {}) },
  });
  return owner;
}
