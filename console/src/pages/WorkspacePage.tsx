// Signed-in layout: pick (or create) a site, then the inbox on the left and a conversation on the right.
import { useEffect, useState } from 'preact/hooks';
import type { Agent, Site } from '../../../worker/src/protocol';
import { ConversationView } from '../components/ConversationView';
import { ErrorText } from '../components/ErrorText';
import { InboxPane } from '../components/InboxPane';
import { TopBar } from '../components/TopBar';
import { useInbox } from '../hooks/useInbox';
import { useSites } from '../hooks/useSites';
import { useSession } from '../session';
import { tabList, unreadCount, type InboxTab } from '../state/inbox';
import { strings } from '../strings';
import { CreateSitePage } from './CreateSitePage';

/** The workspace for the signed-in agent; `conversationId` comes from the URL. */
export function WorkspacePage({ agent, conversationId }: { agent: Agent; conversationId: string | null }) {
  const { signOut } = useSession();
  const sites = useSites();
  if (sites.error) return <main class="splash"><ErrorText message={sites.error} /></main>;
  if (!sites.sites) return <main class="splash muted">{strings.loading}</main>;
  if (!sites.site) return <CreateSitePage onCreate={sites.create} onLogout={signOut} />;
  return (
    <SiteWorkspace key={sites.site.id} agent={agent} site={sites.site} sites={sites.sites} onSelectSite={sites.select}
      conversationId={conversationId} onLogout={signOut} />
  );
}

function SiteWorkspace({ agent, site, sites, onSelectSite, conversationId, onLogout }: {
  agent: Agent;
  site: Site;
  sites: Site[];
  onSelectSite: (id: string) => void;
  conversationId: string | null;
  onLogout: () => void;
}) {
  const inbox = useInbox(site.id);
  const [tab, setTab] = useState<InboxTab>('active');
  const unread = unreadCount(inbox.conversations);

  // The unread count in the tab title is how agents notice chats while in another tab.
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${strings.appName}` : strings.appName;
  }, [unread]);

  return (
    <div class={`app${conversationId ? ' has-conversation' : ''}`}>
      <TopBar agent={agent} sites={sites} site={site} onSelectSite={onSelectSite} presence={inbox.presence}
        status={inbox.status} onStatus={inbox.setStatus} onLogout={onLogout} />
      <div class="panes">
        <InboxPane tab={tab} onTab={setTab} list={tabList(inbox.conversations, tab)} paging={inbox.paging[tab]}
          selectedId={conversationId} onLoadTab={inbox.loadTab} onLoadMore={inbox.loadMore} connection={inbox.connection} />
        {conversationId ? (
          <ConversationView key={conversationId} id={conversationId} agent={agent} onConversation={(c) => inbox.upsert([c])} />
        ) : (
          <section class="conversation conversation-empty">
            <div class="empty-state">
              <h2>{strings.pickConversation}</h2>
              <p class="muted">{strings.pickConversationHint}</p>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
