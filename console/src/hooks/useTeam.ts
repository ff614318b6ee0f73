// The workspace's agents and departments, loaded once and shared by the inbox filters,
// the conversation pickers and the team page (which writes changes back through the setters).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Agent, Department } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi } from '../api-team';

/** Agents, departments, and ways to refresh or patch them locally after a change. */
export type TeamValue = {
  agents: Agent[];
  departments: Department[];
  error: string | null;
  reload: () => Promise<void>;
  putAgent: (agent: Agent) => void;
};

/** Loads agents and departments; failures leave the lists empty and show an error where they are used. */
export function useTeam(): TeamValue {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Agents written here while a reload was in flight (an invite answered before the list): its answer may be older.
  const written = useRef(new Map<string, Agent>());

  const reload = useCallback(async () => {
    written.current = new Map();
    try {
      const [a, d] = await Promise.all([teamApi.agents(), teamApi.departments()]);
      const local = written.current;
      setAgents([
        ...a.agents.map((x) => local.get(x.id) ?? x),
        ...[...local.values()].filter((x) => !a.agents.some((y) => y.id === x.id)),
      ]);
      setDepartments(d.departments);
      setError(null);
    } catch (e) {
      setError((e as ApiError).message);
    }
  }, []);

  useEffect(() => void reload(), [reload]);

  const putAgent = useCallback((agent: Agent) => {
    written.current.set(agent.id, agent);
    setAgents((list) =>
      list.some((a) => a.id === agent.id) ? list.map((a) => (a.id === agent.id ? agent : a)) : [...list, agent],
    );
  }, []);

  return { agents, departments, error, reload, putAgent };
}
