// /team: agents (with presence from the site socket) and departments; controls only for owners and admins.
import { useEffect } from 'preact/hooks';
import type { Agent, PresenceAgent } from '../../../protocol';
import { AgentRow } from '../components/AgentRow';
import { DepartmentsSection } from '../components/DepartmentsSection';
import { ErrorText } from '../components/ErrorText';
import { InviteForm } from '../components/InviteForm';
import type { TeamValue } from '../hooks/useTeam';
import { canManageTeam } from '../state/people';
import { adminStrings as t } from '../strings-admin';

/** The team page. */
export function TeamPage({ agent, team, presence }: { agent: Agent; team: TeamValue; presence: PresenceAgent[] }) {
  const editable = canManageTeam(agent.role);
  // Others change the team too (an invitation accepted, an admin's edit): show the latest on every visit.
  const { reload } = team;
  useEffect(() => void reload(), [reload]);
  // Active people first, then by name, so deactivated accounts sink to the bottom.
  const agents = [...team.agents].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return (
    <main class="page" data-testid="team-page">
      <div class="page-head">
        <h1 class="page-title">{t.teamTitle}</h1>
        {!editable && (
          <p class="muted" data-testid="team-read-only">
            {t.readOnly}
          </p>
        )}
      </div>
      <ErrorText message={team.error} />
      <section class="card">
        <h3 class="card-title">{t.agentsTitle}</h3>
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th>{t.colName}</th>
                <th>{t.colEmail}</th>
                <th>{t.colRole}</th>
                <th>{t.colStatus}</th>
                <th>{t.colMax}</th>
                <th>{t.colDepartments}</th>
                <th>{t.colActive}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <AgentRow
                  key={a.id}
                  agent={a}
                  me={agent}
                  editable={editable}
                  departments={team.departments}
                  presence={presence}
                  onSaved={team.putAgent}
                />
              ))}
            </tbody>
          </table>
        </div>
        {editable && <InviteForm onInvited={team.putAgent} />}
      </section>
      <DepartmentsSection departments={team.departments} editable={editable} onChanged={team.reload} />
    </main>
  );
}
