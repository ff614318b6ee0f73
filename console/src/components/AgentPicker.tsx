// The assign/transfer form: an agent select (values are agent ids), for transfers a note, and a submit button.
import { useState } from 'preact/hooks';
import type { Agent, PresenceAgent } from '../../../protocol';
import { presenceOf } from '../state/people';
import { strings } from '../strings';

const presenceLabels = {
  online: strings.statusOnline,
  away: strings.statusAway,
  busy: strings.statusBusy,
  offline: 'Offline',
};

/** Props of AgentPicker; `mode` decides the note field and the submit's test id. */
export type AgentPickerProps = {
  mode: 'assign' | 'transfer';
  agents: Agent[];
  presence: PresenceAgent[];
  busy: boolean;
  onSubmit: (agentId: string, note: string) => void;
  onCancel: () => void;
};

/** An inline form under the header. */
export function AgentPicker(p: AgentPickerProps) {
  const [agentId, setAgentId] = useState(p.agents[0]?.id ?? '');
  const [note, setNote] = useState('');
  // The first agent is preselected, but the list can arrive after the form opened.
  const selected = p.agents.some((a) => a.id === agentId) ? agentId : (p.agents[0]?.id ?? '');

  function submit(event: Event) {
    event.preventDefault();
    if (selected) p.onSubmit(selected, note.trim());
  }

  return (
    <form class="picker" onSubmit={submit} data-testid={`${p.mode}-form`}>
      <label class="picker-field">
        <span class="field-label">{strings.pickAgent}</span>
        <select
          class="select"
          value={selected}
          onChange={(e) => setAgentId(e.currentTarget.value)}
          data-testid="agent-picker"
        >
          {p.agents.length === 0 && <option value="">{strings.noOtherAgents}</option>}
          {p.agents.map((a) => (
            <option key={a.id} value={a.id}>{`${a.name} (${presenceLabels[presenceOf(a.id, p.presence)]})`}</option>
          ))}
        </select>
      </label>
      {p.mode === 'transfer' && (
        <textarea
          class="input textarea picker-note"
          rows={2}
          maxLength={4000}
          value={note}
          placeholder={strings.transferNote}
          aria-label={strings.transferNote}
          onInput={(e) => setNote(e.currentTarget.value)}
          data-testid="transfer-note"
        />
      )}
      <div class="picker-buttons">
        <button
          type="submit"
          class="button button-primary"
          disabled={p.busy || !selected}
          data-testid={`${p.mode}-submit`}
        >
          {p.mode === 'assign' ? strings.assignSubmit : strings.transferSubmit}
        </button>
        <button type="button" class="button button-ghost" onClick={p.onCancel}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}
