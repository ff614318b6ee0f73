// The left pane: Active/Archived tabs and filters over one live list, with "Load more" from the server cursor.
import { useEffect } from 'preact/hooks';
import type { Agent, Conversation, Department } from '../../../protocol';
import type { TabPaging } from '../hooks/useInbox';
import type { SocketState } from '../realtime/socket';
import { useNow } from '../hooks/useNow';
import { hasFilters, type InboxFilters } from '../state/filters';
import type { InboxTab } from '../state/inbox';
import { strings } from '../strings';
import { ConnectionBadge } from './ConnectionBadge';
import { ConversationRow } from './ConversationRow';
import { ErrorText } from './ErrorText';
import { FilterBar } from './FilterBar';

/** Props of InboxPane. */
export type InboxPaneProps = {
  tab: InboxTab;
  onTab: (tab: InboxTab) => void;
  list: Conversation[];
  paging: TabPaging;
  selectedId: string | null;
  /** The keyboard cursor's row (j/k). */
  cursorId?: string | null;
  onLoadTab: (tab: InboxTab) => void;
  onLoadMore: (tab: InboxTab) => void;
  /** The site socket's state: whether the list is live. */
  connection: SocketState;
  filters: InboxFilters;
  onFilters: (filters: InboxFilters) => void;
  agents: Agent[];
  departments: Department[];
};

const tabs: { id: InboxTab; label: string }[] = [
  { id: 'active', label: strings.tabActive },
  { id: 'archived', label: strings.tabArchived },
];

/** The inbox list. */
export function InboxPane(p: InboxPaneProps) {
  const now = useNow(30_000);
  useEffect(() => p.onLoadTab(p.tab), [p.tab, p.onLoadTab]);
  const firstLoad = p.paging.cursor === undefined;

  return (
    <section class="inbox" aria-label={strings.inbox}>
      <div class="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            class="tab"
            aria-selected={p.tab === t.id ? 'true' : 'false'}
            onClick={() => p.onTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
        <span class="tabs-spacer" />
        <ConnectionBadge state={p.connection} testId="site-connection" />
      </div>
      <FilterBar filters={p.filters} onChange={p.onFilters} agents={p.agents} departments={p.departments} />
      <div class="inbox-scroll" role="tabpanel">
        {p.list.length > 0 && (
          <ul class="rows">
            {p.list.map((c) => (
              <ConversationRow
                key={c.id}
                conversation={c}
                selected={c.id === p.selectedId}
                cursor={c.id === p.cursorId}
                now={now}
              />
            ))}
          </ul>
        )}
        {p.list.length === 0 && !p.paging.loading && !firstLoad && (
          <p class="empty">
            {hasFilters(p.filters)
              ? strings.emptyFiltered
              : p.tab === 'active'
                ? strings.emptyActive
                : strings.emptyArchived}
          </p>
        )}
        {p.paging.loading && <p class="muted center">{strings.loading}</p>}
        <ErrorText message={p.paging.error} />
        {p.paging.cursor && !p.paging.loading && (
          <button
            type="button"
            class="button button-secondary load-more"
            onClick={() => p.onLoadMore(p.tab)}
            data-testid="load-more"
          >
            {strings.loadMore}
          </button>
        )}
      </div>
    </section>
  );
}
