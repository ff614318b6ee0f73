// The right pane: one conversation, live.
import { useState } from 'preact/hooks';
import type { Agent, Conversation } from '../../../worker/src/protocol';
import { api, type ApiError } from '../api';
import { useConversation } from '../hooks/useConversation';
import { navigate } from '../router';
import { visitorLabel } from '../state/inbox';
import { strings } from '../strings';
import { ConnectionBadge } from './ConnectionBadge';
import { ErrorText } from './ErrorText';
import { MessageList } from './MessageList';
import { ReplyBox } from './ReplyBox';

/** Mount with key={id} so each conversation gets fresh state and its own socket. */
export function ConversationView({ id, agent, onConversation }: { id: string; agent: Agent; onConversation: (c: Conversation) => void }) {
  const view = useConversation(id, agent, onConversation);
  const { state } = view;
  const conversation = state.conversation;
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    <section class="conversation" aria-label={conversation ? visitorLabel(conversation) : strings.loading}>
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
        {conversation &&
          (conversation.archivedAt ? (
            <button type="button" class="button button-secondary" disabled={busy} onClick={toggleArchive} data-testid="restore">{strings.restore}</button>
          ) : (
            <button type="button" class="button button-secondary" disabled={busy} onClick={toggleArchive} data-testid="archive">{strings.archive}</button>
          ))}
      </header>
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
      <ReplyBox onSend={view.send} onTyping={view.typing} />
    </section>
  );
}
