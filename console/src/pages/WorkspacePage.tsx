// Signed-in layout: pick (or create) a site, then the inbox on the left and a conversation on the right,
// or the team, dashboard and settings pages; the site socket stays up across them for presence and the unread title.
import { useEffect, useState } from 'preact/hooks';
import type { Agent, Site } from '../../../protocol';
import { ConversationView } from '../components/ConversationView';
import { ErrorText } from '../components/ErrorText';
import { InboxPane } from '../components/InboxPane';
import { PrefsMenu } from '../components/PrefsMenu';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { TopBar } from '../components/TopBar';
import { conversationApi } from '../api-conversations';
import { useInbox } from '../hooks/useInbox';
import { useNotifications } from '../hooks/useNotifications';
import { usePreferences } from '../hooks/usePreferences';
import { useShortcuts } from '../hooks/useShortcuts';
import { useTeam } from '../hooks/useTeam';
import type { Route } from '../router';
import { useSites } from '../hooks/useSites';
import { useSession } from '../session';
import { matchesFilters } from '../state/filters';
import { tabList, unreadCount, type InboxTab } from '../state/inbox';
import { tabTitle } from '../state/notify';
import { actionsFor } from '../state/people';
import { strings } from '../strings';
import { AuditPage } from './AuditPage';
import { TokensPage } from './TokensPage';
import { PrivacyPage } from './PrivacyPage';
import { BlockedPage } from './BlockedPage';
import { CannedPage } from './CannedPage';
import { CreateSitePage } from './CreateSitePage';
import { DashboardPage } from './DashboardPage';
import { KbPage } from './KbPage';
import { OutboxPage } from './OutboxPage';
import { SettingsPage } from './SettingsPage';
import { TeamPage } from './TeamPage';
import { WebhooksPage } from './WebhooksPage';

/** The workspace for the signed-in agent; `route` is the URL's screen (inbox, conversation, team, dashboard). */
export function WorkspacePage({ agent, route }: { agent: Agent; route: Route }) {
  const { signOut } = useSession();
  const sites = useSites();
  if (sites.error)
    return (
      <main class="splash">
        <ErrorText message={sites.error} />
      </main>
    );
  if (!sites.sites) return <main class="splash muted">{strings.loading}</main>;
  if (!sites.site) return <CreateSitePage onCreate={sites.create} onLogout={signOut} />;
  return (
    <SiteWorkspace
      key={sites.site.id}
      agent={agent}
      site={sites.site}
      sites={sites.sites}
      onSelectSite={sites.select}
      route={route}
      onLogout={signOut}
      onSiteSaved={sites.replace}
    />
  );
}

function SiteWorkspace({
  agent,
  site,
  sites,
  onSelectSite,
  route,
  onLogout,
  onSiteSaved,
}: {
  agent: Agent;
  site: Site;
  sites: Site[];
  onSelectSite: (id: string) => void;
  route: Route;
  onLogout: () => void;
  onSiteSaved: (site: Site) => void;
}) {
  const conversationId = route.name === 'conversation' ? route.id : null;
  const prefs = usePreferences();
  const inbox = useInbox(site.id, agent.id, useNotifications(agent.id, conversationId, prefs.preferences));
  const [tab, setTab] = useState<InboxTab>('active');
  const team = useTeam();
  const list = tabList(inbox.conversations, tab).filter((c) => matchesFilters(c, inbox.filters, agent.id));
  const unread = unreadCount(inbox.conversations);
  // Someone online whom the team list does not know yet, or knows only as invited, has just
  // accepted an invitation (online means signed in): fetch the team again.
  const { agents, reload } = team;
  const unknownOnline = inbox.presence.some((p) => !agents.some((a) => a.id === p.id && !a.invited));
  useEffect(() => {
    if (unknownOnline && agents.length > 0) void reload();
  }, [unknownOnline, agents.length, reload]);

  // The unread count in the tab title is how agents notice chats while in another tab (unless turned off).
  useEffect(() => {
    document.title = tabTitle(strings.appName, unread, prefs.preferences);
  }, [unread, prefs.preferences]);

  const inboxShown = route.name === 'inbox' || route.name === 'conversation';
  const keys = useShortcuts({
    inbox: inboxShown,
    ids: list.map((c) => c.id),
    openId: conversationId,
    onResolve: (id) => {
      const open = inbox.conversations.get(id);
      if (open && actionsFor(open.status).includes('resolve'))
        conversationApi.resolve(id).then(
          (r) => inbox.upsert([r.conversation]),
          () => {},
        );
    },
  });

  return (
    <div class={`app${conversationId ? ' has-conversation' : ''}`}>
      <TopBar
        agent={agent}
        sites={sites}
        site={site}
        onSelectSite={onSelectSite}
        presence={inbox.presence}
        status={inbox.status}
        onStatus={inbox.setStatus}
        connection={inbox.connection}
        onLogout={onLogout}
        route={route.name}
        tools={<PrefsMenu preferences={prefs.preferences} error={prefs.error} onChange={prefs.update} />}
      />
      {keys.help && <ShortcutsHelp onClose={() => keys.setHelp(false)} />}
      {route.name === 'team' ? (
        <TeamPage agent={agent} team={team} presence={inbox.presence} />
      ) : route.name === 'dashboard' ? (
        <DashboardPage site={site} />
      ) : route.name === 'canned' ? (
        <CannedPage agent={agent} />
      ) : route.name === 'kb' ? (
        <KbPage agent={agent} />
      ) : route.name === 'audit' ? (
        <AuditPage agent={agent} />
      ) : route.name === 'tokens' ? (
        <TokensPage agent={agent} />
      ) : route.name === 'privacy' ? (
        <PrivacyPage agent={agent} sites={sites} />
      ) : route.name === 'outbox' ? (
        <OutboxPage agent={agent} />
      ) : route.name === 'webhooks' ? (
        <WebhooksPage agent={agent} />
      ) : route.name === 'blocked' ? (
        <BlockedPage agent={agent} site={site} />
      ) : route.name === 'settings' ? (
        <SettingsPage agent={agent} site={site} onSaved={onSiteSaved} />
      ) : (
        <div class="panes">
          <InboxPane
            tab={tab}
            onTab={setTab}
            list={list}
            paging={inbox.paging[tab]}
            filters={inbox.filters}
            onFilters={inbox.setFilters}
            agents={team.agents}
            departments={team.departments}
            selectedId={conversationId}
            cursorId={keys.cursor}
            onLoadTab={inbox.loadTab}
            onLoadMore={inbox.loadMore}
            connection={inbox.connection}
          />
          {conversationId ? (
            <ConversationView
              key={conversationId}
              id={conversationId}
              agent={agent}
              agents={team.agents}
              departments={team.departments}
              presence={inbox.presence}
              onConversation={(c) => inbox.upsert([c])}
              siteKey={site.key}
            />
          ) : (
            <section class="conversation conversation-empty">
              <div class="empty-state">
                <h2>{strings.pickConversation}</h2>
                <p class="muted">{strings.pickConversationHint}</p>
              </div>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
