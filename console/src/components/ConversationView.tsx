// The right pane: one conversation, live, with its workflow strip and the visitor/details sidebar;
// files dropped anywhere on it are uploaded like the paperclip's.
import { useState } from 'preact/hooks';
import type { Agent, Conversation, Department, PresenceAgent } from '../../../worker/src/protocol';
import { api, type ApiError } from '../api';
import { useConversation } from '../hooks/useConversation';
import { useFileDrop } from '../hooks/useFileDrop';
import { useUpload } from '../hooks/useUpload';
import { navigate } from '../router';
import { visitorLabel } from '../state/inbox';
import { strings } from '../strings';
import { settingsStrings } from '../strings-settings';
import { ConnectionBadge } from './ConnectionBadge';
import { ConversationSidebar } from './ConversationSidebar';
import { ErrorText } from './ErrorText';
import { MessageList } from './MessageList';
import { ReplyBox } from './ReplyBox';
import { UploadStatus } from './UploadStatus';
import { WorkflowBar } from './WorkflowBar';

/** Props of ConversationView: the team lists feed the pickers and the department select. */
export type ConversationViewProps = {
  id: string;
  agent: Agent;
  agents: Agent[];
  departments: Department[];
  presence: PresenceAgent[];
  onConversation: (c: Conversation) => void;
};

/** Mount with key={id} so each conversation gets fresh state and its own socket. */
export function ConversationView({ id, agent, agents, departments, presence, onConversation }: ConversationViewProps) {
  const view = useConversation(id, agent, onConversation);
  const upload = useUpload(id, view.addMessage);
  const drop = useFileDrop(upload.attach);
  const { state } = view;
  const conversation = state.conversation;
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // On narrow screens the sidebar is a drawer opened from the header.
  const [sidebarOpen, setSidebarOpen] = useState(false);

  async function toggleArchive() {
    if (!conversation) return;
    setBusy(true);
    setActionError(null);
    try {
      const result = conversation.archivedAt ? await api.restore(id) : await api.archive(id);
      view.setConversation(result.conversation);
    } catch (e) {
      setActionError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  if (view.loadError) {
    return (
      <section class="conversation conversation-empty">
        <ErrorText message={view.loadError} />
      </section>
    );
  }

  return (
    <div class="conversation-wrap">
      <section class={`conversation${drop.over ? ' drop-over' : ''}`} aria-label={conversation ? visitorLabel(conversation) : strings.loading}
        {...drop.handlers} data-testid="conversation-view">
        {drop.over && <div class="drop-overlay" aria-hidden="true">{settingsStrings.dropHere}</div>}
        <header class="conversation-header">
          <button type="button" class="button button-ghost back" onClick={() => navigate('/')} aria-label={strings.back}>←</button>
          <div class="conversation-title">
            <h2 data-testid="conversation-title">{conversation ? visitorLabel(conversation) : strings.loading}</h2>
            <span class="muted">
              {conversation?.visitor?.email ?? ''}
              {conversation?.archivedAt && <span class="badge">{strings.archived}</span>}
            </span>
          </div>
          <ConnectionBadge state={view.connection} />
          <button type="button" class="button button-secondary sidebar-toggle" aria-expanded={sidebarOpen}
            onClick={() => setSidebarOpen(!sidebarOpen)}>{strings.visitorSection}</button>
          {conversation &&
            (conversation.archivedAt ? (
              <button type="button" class="button button-secondary" disabled={busy} onClick={toggleArchive} data-testid="restore">{strings.restore}</button>
            ) : (
              <button type="button" class="button button-secondary" disabled={busy} onClick={toggleArchive} data-testid="archive">{strings.archive}</button>
            ))}
        </header>
        {conversation && <WorkflowBar conversation={conversation} agents={agents} presence={presence} onConversation={view.setConversation} />}
        <ErrorText message={actionError ?? state.notice} />
        <MessageList
          messages={state.messages}
          pending={state.pending}
          conversation={conversation}
          visitorReadSeq={state.visitorReadSeq}
          hasMore={state.hasMore}
          loadingOlder={view.loadingOlder}
          authorName={agent.name}
          onLoadOlder={view.loadOlder}
          onRetry={view.retry}
          onDiscard={view.discard}
        />
        <div class="typing-slot" aria-live="polite">
          {state.typing && (
            <span class="typing" data-testid="typing">
              <span class="typing-dots" aria-hidden="true"><i /><i /><i /></span>
              {strings.typing(state.typing.label)}
            </span>
          )}
        </div>
        <UploadStatus upload={upload} />
        <ReplyBox onSend={view.send} onTyping={view.typing} onFiles={upload.attach} />
      </section>
      {conversation && (
        <ConversationSidebar conversation={conversation} departments={departments} open={sidebarOpen} onConversation={view.setConversation} />
      )}
    </div>
  );
}
