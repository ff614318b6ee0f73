import type { Agent } from '../../protocol';
import { api, unique } from './helpers';

/** The password every invited test agent sets. */
export const MEMBER_PASSWORD = 'member password 123';

/** The invite token carried by an invite link. */
export const inviteTokenOf = (inviteUrl: string) => new URL(inviteUrl).searchParams.get('token')!;

/** Invite someone into the caller's workspace; fails the test unless it is created. */
export async function invite(token: string, body: Record<string, unknown> = {}) {
  const res = await api<{ agent: Agent; inviteUrl: string }>('/api/agents', {
    token,
    body: { name: 'Bob', email: `bob-${unique()}@example.com`, ...body },
  });
  if (res.status !== 201) throw new Error(`invite failed: ${JSON.stringify(res.body)}`);
  return { ...res.body, inviteToken: inviteTokenOf(res.body.inviteUrl) };
}

/** An agent of the given role who accepted an invite and is signed in. */
export async function teamMember(
  ownerToken: string,
  role: 'admin' | 'agent' = 'agent',
  body: Record<string, unknown> = {},
) {
  const invited = await invite(ownerToken, { role, ...body });
  const res = await api<{ token: string; agent: Agent }>('/api/auth/accept-invite', {
    body: { token: invited.inviteToken, password: MEMBER_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`accept failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Change an agent (PATCH /api/agents/:id). */
export const patchAgent = (token: string, id: string, body: unknown) =>
  api(`/api/agents/${id}`, { token, method: 'PATCH', body });

/** Change a department (PATCH /api/departments/:id). */
export const patchDepartment = (token: string, id: string, body: unknown) =>
  api(`/api/departments/${id}`, { token, method: 'PATCH', body });

/** Create a department; fails the test unless it is created. */
export async function department(token: string, name = `Team ${unique()}`, autoAssign = false) {
  const res = await api('/api/departments', { token, body: { name, autoAssign } });
  if (res.status !== 201) throw new Error(`department failed: ${JSON.stringify(res.body)}`);
  return res.body.department as {
    id: string;
    name: string;
    isDefault: boolean;
    autoAssign: boolean;
    workspaceId: string;
  };
}
