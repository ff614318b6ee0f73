// One row of the team table; admins edit role, capacity and departments in place, each change saved at once.
import { useState } from 'preact/hooks';
import type { Agent, Department, PresenceAgent, Role } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi, type AgentChanges } from '../api-team';
import { presenceOf } from '../state/people';
import { adminStrings as t } from '../strings-admin';

/** Props of AgentRow. */
export type AgentRowProps = {
  agent: Agent;
  me: Agent;
  editable: boolean;
  departments: Department[];
  presence: PresenceAgent[];
  onSaved: (agent: Agent) => void;
};

/** A table row with inline controls (text only for non-admins). */
export function AgentRow({ agent, me, editable, departments, presence, onSaved }: AgentRowProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [max, setMax] = useState(String(agent.maxConcurrent));
  const status = agent.active ? presenceOf(agent.id, presence) : 'offline';
  // Only an owner can hand out ownership; the server checks it too.
  const roles: Role[] =
    me.role === 'owner' || agent.role === 'owner' ? ['owner', 'admin', 'agent'] : ['admin', 'agent'];
  const self = agent.id === me.id;

  async function save(changes: AgentChanges) {
    setBusy(true);
    setError(null);
    try {
      onSaved((await teamApi.updateAgent(agent.id, changes)).agent);
    } catch (e) {
      setError((e as ApiError).message);
      setMax(String(agent.maxConcurrent));
    } finally {
      setBusy(false);
    }
  }

  function saveMax() {
    const value = Number(max);
    if (Number.isInteger(value) && value >= 1 && value <= 100 && value !== agent.maxConcurrent)
      void save({ maxConcurrent: value });
    else setMax(String(agent.maxConcurrent));
  }

  function toggleDepartment(id: string, on: boolean) {
    const ids = on ? [...agent.departmentIds, id] : agent.departmentIds.filter((d) => d !== id);
    void save({ departmentIds: ids });
  }

  const names = departments
    .filter((d) => agent.departmentIds.includes(d.id))
    .map((d) => d.name)
    .join(', ');
  return (
    <tr
      class={agent.active ? '' : 'row-inactive'}
      data-testid="agent-row"
      data-id={agent.id}
      data-active={String(agent.active)}
    >
      <td>
        <span class="agent-name">{agent.name}</span>
        {agent.invited && (
          <span class="badge" data-testid="agent-invited">
            {t.invited}
          </span>
        )}
        {error && (
          <div class="error-text cell-error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td class="muted">{agent.email}</td>
      <td>
        {editable && !self ? (
          <select
            class="select select-small"
            value={agent.role}
            disabled={busy}
            aria-label={t.colRole}
            data-testid="agent-role"
            onChange={(e) => void save({ role: e.currentTarget.value as Role })}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        ) : (
          t.roles[agent.role]
        )}
      </td>
      <td>
        <span class={`status-dot status-${status}`} aria-hidden="true" />{' '}
        <span data-testid="agent-status">{t.presence[status]}</span>
      </td>
      <td>
        {editable ? (
          <input
            class="input input-small input-number"
            type="number"
            min={1}
            max={100}
            value={max}
            disabled={busy}
            aria-label={t.colMax}
            onInput={(e) => setMax(e.currentTarget.value)}
            onBlur={saveMax}
            onKeyDown={(e) => e.key === 'Enter' && saveMax()}
            data-testid="agent-max"
          />
        ) : (
          agent.maxConcurrent
        )}
      </td>
      <td>
        {editable && departments.length > 0 ? (
          <div class="checks">
            {departments.map((d) => (
              <label key={d.id} class="check">
                <input
                  type="checkbox"
                  checked={agent.departmentIds.includes(d.id)}
                  disabled={busy}
                  data-testid="agent-department"
                  data-id={d.id}
                  onChange={(e) => toggleDepartment(d.id, e.currentTarget.checked)}
                />
                {d.name}
              </label>
            ))}
          </div>
        ) : (
          names || <span class="muted">—</span>
        )}
      </td>
      <td>
        {editable && !self ? (
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={busy}
            onClick={() => void save({ active: !agent.active })}
            data-testid={agent.active ? 'agent-deactivate' : 'agent-reactivate'}
          >
            {agent.active ? t.deactivate : t.reactivate}
          </button>
        ) : agent.active ? (
          t.yes
        ) : (
          t.inactive
        )}
      </td>
    </tr>
  );
}
