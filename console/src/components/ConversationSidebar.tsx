// The right sidebar of the conversation view: who the visitor is, then the conversation's details.
import { useEffect, useState } from 'preact/hooks';
import type { Conversation, Department } from '../../../protocol';
import type { ApiError } from '../api';
import { conversationApi, type VisitorDetails } from '../api-conversations';
import { strings } from '../strings';
import { blockStrings } from '../strings-blocks';
import { BlockVisitor } from './BlockVisitor';
import { DetailsPanel } from './DetailsPanel';
import { VisitorPanel } from './VisitorPanel';

/** Props of ConversationSidebar. */
export type ConversationSidebarProps = {
  conversation: Conversation;
  departments: Department[];
  open: boolean;
  onConversation: (c: Conversation) => void;
  /** Owners and admins may block the visitor. */
  canBlock?: boolean;
};

/** The sidebar; the profile is fetched again when the visitor writes, since they may have moved to another page. */
export function ConversationSidebar({
  conversation,
  departments,
  open,
  onConversation,
  canBlock,
}: ConversationSidebarProps) {
  const [details, setDetails] = useState<VisitorDetails | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const id = conversation.id;
  const lastVisitorActivity = conversation.lastMessageSender === 'visitor' ? conversation.lastMessageAt : null;

  useEffect(() => {
    let cancelled = false;
    conversationApi
      .visitor(id)
      .then((result) => {
        if (cancelled) return;
        setDetails(result);
        setError(null);
      })
      .catch((e: ApiError) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [id, lastVisitorActivity]);

  return (
    <aside
      class={`sidebar${open ? ' sidebar-open' : ''}`}
      data-testid="visitor-sidebar"
      aria-label={strings.visitorSection}
    >
      <section class="sidebar-section">
        <h3 class="sidebar-title">{strings.visitorSection}</h3>
        <VisitorPanel details={details} error={error} />
      </section>
      <section class="sidebar-section">
        <h3 class="sidebar-title">{strings.detailsSection}</h3>
        <DetailsPanel conversation={conversation} departments={departments} onConversation={onConversation} />
      </section>
      {canBlock && details && (
        <section class="sidebar-section" aria-label={blockStrings.blockSection}>
          <BlockVisitor key={details.visitor.id} siteId={conversation.siteId} target={details.visitor} />
        </section>
      )}
    </aside>
  );
}
