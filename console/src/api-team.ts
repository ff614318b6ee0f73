// REST calls of the team page, the accept-invite page and the dashboard.
import type { Agent, Department, Role, Stats } from '../../protocol';
import { call, client, type Session } from './api';

/** Body of an invitation (owners cannot be invited, only promoted). */
export type InviteInput = {
  name: string;
  email: string;
  role: 'admin' | 'agent';
  maxConcurrent: number;
  departmentIds?: string[];
};
/** What an admin may change about an agent. */
export type AgentChanges = {
  name?: string;
  role?: Role;
  active?: boolean;
  maxConcurrent?: number;
  departmentIds?: string[];
};
/** What an admin may change about a department (isDefault can only be set, never cleared). */
export type DepartmentChanges = { name?: string; autoAssign?: boolean; isDefault?: true };

/** Agents, departments, invitations and stats. Changes need owner/admin (403 forbidden otherwise). */
export const teamApi = {
  agents: (): Promise<{ agents: Agent[] }> => call(client.api.agents.$get()),
  invite: (body: InviteInput): Promise<{ agent: Agent; inviteUrl: string }> =>
    call(client.api.agents.$post({ json: body })),
  updateAgent: (id: string, changes: AgentChanges): Promise<{ agent: Agent }> =>
    call(client.api.agents[':id'].$patch({ param: { id }, json: changes })),
  acceptInvite: (token: string, password: string): Promise<Session> =>
    call(client.api.auth['accept-invite'].$post({ json: { token, password } })),
  departments: (): Promise<{ departments: Department[] }> => call(client.api.departments.$get()),
  createDepartment: (name: string, autoAssign: boolean): Promise<{ department: Department }> =>
    call(client.api.departments.$post({ json: { name, autoAssign } })),
  updateDepartment: (id: string, changes: DepartmentChanges): Promise<{ department: Department }> =>
    call(client.api.departments[':id'].$patch({ param: { id }, json: changes })),
  deleteDepartment: async (id: string): Promise<void> => {
    await call(client.api.departments[':id'].$delete({ param: { id } }));
  },
  stats: (siteId: string, range: { from?: string; to?: string }): Promise<{ stats: Stats }> =>
    call(client.api.sites[':id'].stats.$get({ param: { id: siteId }, query: range })),
};
