// The conversation's workflow strip: status badge, assignee, and the actions its status allows.
import { useState } from 'preact/hooks';
import type { Agent, Conversation, PresenceAgent } from '../../../protocol';
import type { ApiError } from '../api';
import { conversationApi } from '../api-conversations';
import { actionsFor, assignableAgents, type ConversationAction } from '../state/people';
import { strings } from '../strings';
import { AgentPicker } from './AgentPicker';
import { ErrorText } from './ErrorText';

/** Props of WorkflowBar. */
export type WorkflowBarProps = {
  conversation: Conversation;
  agents: Agent[];
  presence: PresenceAgent[];
  onConversation: (conversation: Conversation) => void;
};

/** Status, assignee and actions; errors (409 already_assigned, invalid_transition…) show inline. */
export function WorkflowBar({ conversation, agents, presence, onConversation }: WorkflowBarProps) {
  const [picker, setPicker] = useState<'assign' | 'transfer' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = conversation.id;

  async function run(request: () => Promise<{ conversation: Conversation }>) {
    setBusy(true);
    setError(null);
    try {
      onConversation((await request()).conversation);
      setPicker(null);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const direct: Partial<Record<ConversationAction, () => Promise<{ conversation: Conversation }>>> = {
    claim: () => conversationApi.claim(id),
    resolve: () => conversationApi.resolve(id),
    close: () => conversationApi.close(id),
    reopen: () => conversationApi.reopen(id),
  };
  const actions = actionsFor(conversation.status);

  return (
    <div class="workflow">
      <div class="workflow-row">
        <span
          class={`status-badge status-badge-${conversation.status}`}
          data-testid="status"
          data-status={conversation.status}
        >
          {conversation.status}
        </span>
        <span
          class="assignee"
          data-testid="assignee"
          data-assignee-id={conversation.assigneeId ?? ''}
          title={conversation.assigneeName ?? undefined}
        >
          {conversation.assigneeName ?? strings.unassigned}
        </span>
        <span class="workflow-spacer" />
        {actions.map((action) => {
          const request = direct[action];
          const opensPicker = action === 'assign' || action === 'transfer';
          return (
            <button
              key={action}
              type="button"
              data-testid={action}
              disabled={busy}
              class={`button ${action === actions[0] ? 'button-primary' : 'button-secondary'} button-small`}
              aria-expanded={opensPicker ? picker === action : undefined}
              onClick={() =>
                request ? void run(request) : setPicker(picker === action ? null : (action as 'assign' | 'transfer'))
              }
            >
              {strings.actions[action]}
            </button>
          );
        })}
      </div>
      {picker && actions.includes(picker) && (
        <AgentPicker
          key={picker}
          mode={picker}
          agents={assignableAgents(agents, picker === 'transfer' ? conversation.assigneeId : null)}
          presence={presence}
          busy={busy}
          onCancel={() => setPicker(null)}
          onSubmit={(agentId, note) =>
            void run(() =>
              picker === 'assign'
                ? conversationApi.assign(id, agentId)
                : conversationApi.transfer(id, agentId, note || undefined),
            )
          }
        />
      )}
      <ErrorText message={error} />
    </div>
  );
}
