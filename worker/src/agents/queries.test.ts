import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { findAgentById } from '../auth/queries';
import { getDb } from '../db/client';
import { registerOwner } from '../../test/helpers';
import { department, teamMember } from '../../test/team-helpers';
import { updateAgent } from './queries';

it('refuses in SQL to strip the last active owner, leaving the whole change unapplied', async () => {
  // The route checks first; this is the guard behind it for two owners demoting each other at once.
  const owner = await registerOwner();
  const sales = await department(owner.token, 'Sales');
  const db = getDb(env.DB);
  const change = { role: 'agent' as const, departmentIds: [sales.id] };
  expect(await updateAgent(db, owner.agent, change, true)).toBe(false);
  expect(await findAgentById(db, owner.agent.id)).toMatchObject({
    role: 'owner',
    departmentIds: owner.agent.departmentIds,
  });
  const co = await teamMember(owner.token, 'admin');
  await updateAgent(db, co.agent, { role: 'owner' }, false);
  expect(await updateAgent(db, owner.agent, change, true)).toBe(true);
  expect(await findAgentById(db, owner.agent.id)).toMatchObject({ role: 'agent', departmentIds: [sales.id] });
});
