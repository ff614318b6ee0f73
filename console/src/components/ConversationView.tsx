// The right pane: one conversation, live, with its workflow strip and the visitor/details sidebar;
// files dropped anywhere on it are uploaded like the paperclip's.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Agent, Conversation, Department, Message, PresenceAgent } from '../../../protocol';
import { api, type ApiError } from '../api';
import { deleteMessage } from '../api-tools';
import { editMessage, messageRevisions } from '../api-edits';
import type { ComposerHandle } from '../hooks/useComposerBridge';
import { useConversation } from '../hooks/useConversation';
import { useFileDrop } from '../hooks/useFileDrop';
import { useUpload } from '../hooks/useUpload';
import { navigate } from '../router';
import { canManageTeam } from '../state/people';
import { quoteText } from '../state/canned';
import { visitorLabel } from '../state/inbox';
import { strings } from '../strings';
import { settingsStrings } from '../strings-settings';
import { toolStrings } from '../strings-tools';
import { ConnectionBadge } from './ConnectionBadge';
import { ConversationSidebar } from './ConversationSidebar';
import { ErrorText } from './ErrorText';
import { KbPanel } from './KbPanel';
import type { MessageHandlers } from './MessageItem';
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
  /** The site's public key, for knowledge-base links visitors can open. */
  siteKey: string;
};

/** Mount with key={id} so each conversation gets fresh state and its own socket. */
export function ConversationView({
  id,
  agent,
  agents,
  departments,
  presence,
  onConversation,
  siteKey,
}: ConversationViewProps) {
  const view = useConversation(id, agent, onConversation);
  const upload = useUpload(id, view.addMessage);
  const drop = useFileDrop(upload.attach);
  const { state } = view;
  const conversation = state.conversation;
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // On narrow screens the sidebar is a drawer opened from the header.
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [kbOpen, setKbOpen] = useState(false);
  const composer = useRef<ComposerHandle | null>(null);
  const { addMessage } = view;
  const handlers = useMemo<MessageHandlers>(
    () => ({
      me: agent.id,
      onQuote: (text) => composer.current?.insert(quoteText(text)),
      onDelete: async (message: Message) => {
        setActionError(null);
        try {
          // Merged at once; the broadcast copy (same seq, deletedAt set) then replaces it again harmlessly.
          addMessage((await deleteMessage(id, message.id)).message);
        } catch (e) {
          setActionError((e as ApiError).message);
        }
      },
      // The form shows a refusal itself; the broadcast copy (same seq, editedAt) then merges harmlessly.
      onEdit: async (message: Message, body: string) => addMessage((await editMessage(id, message.id, body)).message),
      revisions: async (message: Message) => (await messageRevisions(id, message.id)).revisions,
    }),
    [agent.id, id, addMessage],
  );

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
    <div class={`conversation-wrap${kbOpen ? ' kb-open' : ''}`}>
      <section
        class={`conversation${drop.over ? ' drop-over' : ''}`}
        aria-label={conversation ? visitorLabel(conversation) : strings.loading}
        {...drop.handlers}
        data-testid="conversation-view"
      >
        {drop.over && (
          <div class="drop-overlay" aria-hidden="true">
            {settingsStrings.dropHere}
          </div>
        )}
        <header class="conversation-header">
          <button
            type="button"
            class="button button-ghost back"
            onClick={() => navigate('/')}
            aria-label={strings.back}
          >
            ←
          </button>
          <div class="conversation-title">
            <h2 data-testid="conversation-title" title={conversation ? visitorLabel(conversation) : undefined}>
              {conversation ? visitorLabel(conversation) : strings.loading}
            </h2>
            <span class="muted" title={conversation?.visitor?.email ?? undefined}>
              {conversation?.visitor?.email ?? ''}
              {conversation?.archivedAt && <span class="badge">{strings.archived}</span>}
            </span>
          </div>
          <ConnectionBadge state={view.connection} />
          <button
            type="button"
            class="button button-secondary"
            aria-expanded={kbOpen}
            onClick={() => setKbOpen(!kbOpen)}
            data-testid="kb-open"
          >
            {toolStrings.kbOpen}
          </button>
          <button
            type="button"
            class="button button-secondary sidebar-toggle"
            aria-expanded={sidebarOpen}
            onClick={() => setSidebarOpen(!sidebarOpen)}
          >
            {strings.visitorSection}
          </button>
          {conversation &&
            (conversation.archivedAt ? (
              <button
                type="button"
                class="button button-secondary"
                disabled={busy}
                onClick={toggleArchive}
                data-testid="restore"
              >
                {strings.restore}
              </button>
            ) : (
              <button
                type="button"
                class="button button-secondary"
                disabled={busy}
                onClick={toggleArchive}
                data-testid="archive"
              >
                {strings.archive}
              </button>
            ))}
        </header>
        {conversation && (
          <WorkflowBar
            conversation={conversation}
            agents={agents}
            presence={presence}
            onConversation={view.setConversation}
          />
        )}
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
          handlers={handlers}
        />
        <div class="typing-slot" aria-live="polite">
          {state.typing && (
            <span class="typing" data-testid="typing">
              <span class="typing-dots" aria-hidden="true">
                <i />
                <i />
                <i />
              </span>
              {strings.typing(state.typing.label)}
            </span>
          )}
        </div>
        <UploadStatus upload={upload} />
        <ReplyBox
          onSend={view.send}
          onTyping={view.typing}
          onFiles={upload.attach}
          handle={composer}
          vars={{
            name: conversation?.visitor?.name ?? null,
            email: conversation?.visitor?.email ?? null,
            agent: agent.name,
          }}
        />
      </section>
      {kbOpen && (
        <KbPanel
          siteKey={siteKey}
          onClose={() => setKbOpen(false)}
          onInsert={(text) => composer.current?.insert(text)}
        />
      )}
      {conversation && (
        <ConversationSidebar
          conversation={conversation}
          departments={departments}
          open={sidebarOpen}
          onConversation={view.setConversation}
          canBlock={canManageTeam(agent.role)}
        />
      )}
    </div>
  );
}
