// Inbox data for one site: REST pages for each tab, kept live by the site socket,
// and re-synced on every (re)connect because events sent while offline are not replayed.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentStatus, Conversation, PresenceAgent, SiteServerFrame } from '../../../protocol';
import { api, type ApiError } from '../api';
import { openConsoleSocket, type ConsoleSocket, type SocketState } from '../realtime/socket';
import { UnknownFetcher } from '../state/fetcher';
import { filtersToQuery, noFilters, type InboxFilters } from '../state/filters';
import type { ConversationMap, InboxTab } from '../state/inbox';
import { applyEvents, applyFetched, clearList, emptyLive, listConversations, type LiveInbox } from '../state/live';
import type { InboxSignal } from '../state/notify';
import { sameScope, scopeFrame } from '../state/scope';
import { useBrowserReconnect } from './useBrowserReconnect';

/** Paging state of one tab; cursor undefined means "never loaded". */
export type TabPaging = { cursor: string | null | undefined; loading: boolean; error: string | null };

const STATUS_KEY = 'parley:agent-status';
const PAGE_SIZE = 30;
const fresh = (): Record<InboxTab, TabPaging> => ({
  active: { cursor: undefined, loading: false, error: null },
  archived: { cursor: undefined, loading: false, error: null },
});

/** Everything the inbox pane shows, plus the site socket's presence and state; `me` is the agent's id (for "Mine"); onSignal hears every change notifications care about. */
export function useInbox(siteId: string, me: string, onSignal?: (signal: InboxSignal) => void) {
  const onSignalRef = useRef(onSignal);
  onSignalRef.current = onSignal;
  const [conversations, setConversations] = useState<ConversationMap>(() => new Map());
  // The whole live state (list and copies kept outside it) lives in a ref, so events see the latest one at once;
  // the list is mirrored into state for rendering.
  const liveRef = useRef<LiveInbox>(emptyLive());
  const commit = useCallback((live: LiveInbox) => {
    liveRef.current = live;
    setConversations(live.map);
  }, []);
  const [paging, setPaging] = useState(fresh);
  const [presence, setPresence] = useState<PresenceAgent[]>([]);
  const [connection, setConnection] = useState<SocketState>('connecting');
  const [status, setStatusState] = useState<AgentStatus>(
    () => (localStorage.getItem(STATUS_KEY) as AgentStatus) || 'online',
  );
  const socketRef = useRef<ConsoleSocket | null>(null);
  const statusRef = useRef(status);
  const pagingRef = useRef(paging);
  pagingRef.current = paging;
  const [filters, setFilters] = useState<InboxFilters>(noFilters);
  const filtersRef = useRef(filters);
  // Bumped when the filters change, so a page requested under the old filters is dropped on arrival.
  const generationRef = useRef(0);

  const upsert = useCallback((list: Conversation[]) => commit(listConversations(liveRef.current, list)), [commit]);

  const load = useCallback(
    async (tab: InboxTab, cursor?: string) => {
      setPaging((p) => ({ ...p, [tab]: { ...p[tab], loading: true, error: null } }));
      const generation = generationRef.current;
      try {
        const query = { ...filtersToQuery(filtersRef.current), archived: tab === 'archived', cursor, limit: PAGE_SIZE };
        const page = await api.conversations(siteId, query);
        if (generation !== generationRef.current) return;
        upsert(page.conversations);
        // A re-sync of the first page must not forget how far "Load more" already went.
        setPaging((p) => ({
          ...p,
          [tab]: {
            loading: false,
            error: null,
            cursor: cursor || p[tab].cursor === undefined ? page.nextCursor : p[tab].cursor,
          },
        }));
      } catch (error) {
        if (generation !== generationRef.current) return;
        setPaging((p) => ({ ...p, [tab]: { ...p[tab], loading: false, error: (error as ApiError).message } }));
      }
    },
    [siteId, upsert],
  );

  useEffect(() => {
    commit(emptyLive());
    setPaging(fresh());
    setPresence([]);
    void load('active');
    const signal = (s: InboxSignal) => onSignalRef.current?.(s);
    const fetcher = new UnknownFetcher(
      async (id) => (await api.conversation(id)).conversation,
      (copy) => {
        const step = applyFetched(liveRef.current, copy, filtersRef.current, me);
        commit(step.live);
        signal(step.signal);
      },
    );
    function applyFrame(frame: SiteServerFrame & { type: 'events' }) {
      const step = applyEvents(liveRef.current, frame.events, filtersRef.current, me);
      commit(step.live);
      step.signals.forEach(signal);
      for (const delta of step.fetch) void fetcher.request(delta);
    }
    const socket = openConsoleSocket<SiteServerFrame>({
      path: () => `/api/sites/${encodeURIComponent(siteId)}/ws`,
      onStatus: setConnection,
      onFrame: (frame) => {
        if (frame.type === 'presence') setPresence(frame.agents);
        else if (frame.type === 'hello') {
          // Every hello is a new socket on the server: status and scope (which deltas this view uses) again.
          socket.send({ type: 'status', status: statusRef.current });
          socket.send(scopeFrame(filtersRef.current));
          resync();
        } else if (frame.type === 'events') applyFrame(frame);
      },
    });
    function resync() {
      // Events sent while offline are not replayed: copies kept outside the list may have missed some.
      commit({ ...liveRef.current, outside: new Map() });
      for (const tab of ['active', 'archived'] as const)
        if (pagingRef.current[tab].cursor !== undefined) void load(tab);
    }
    socketRef.current = socket;
    return () => {
      fetcher.stop();
      socket.stop();
      socketRef.current = null;
    };
  }, [siteId, me, load, commit]);

  // New filters: start over with an empty list and reload every tab that was open.
  const applyFilters = useCallback(
    (next: InboxFilters) => {
      // The new scope goes first, so deltas the new view needs flow while its pages load.
      if (!sameScope(filtersRef.current, next)) socketRef.current?.send(scopeFrame(next));
      filtersRef.current = next;
      setFilters(next);
      generationRef.current++;
      const opened = (['active', 'archived'] as const).filter(
        (tab) => pagingRef.current[tab].cursor !== undefined || pagingRef.current[tab].loading || tab === 'active',
      );
      commit(clearList(liveRef.current));
      const reset = fresh();
      pagingRef.current = reset;
      setPaging(reset);
      for (const tab of opened) void load(tab);
    },
    [load, commit],
  );

  useBrowserReconnect(socketRef);

  const setStatus = useCallback((next: AgentStatus) => {
    localStorage.setItem(STATUS_KEY, next);
    statusRef.current = next;
    setStatusState(next);
    socketRef.current?.send({ type: 'status', status: next });
  }, []);

  const loadTab = useCallback(
    (tab: InboxTab) => {
      if (pagingRef.current[tab].cursor === undefined && !pagingRef.current[tab].loading) void load(tab);
    },
    [load],
  );
  const loadMore = useCallback(
    (tab: InboxTab) => {
      const cursor = pagingRef.current[tab].cursor;
      if (cursor && !pagingRef.current[tab].loading) void load(tab, cursor);
    },
    [load],
  );

  return {
    conversations,
    paging,
    presence,
    connection,
    status,
    setStatus,
    loadTab,
    loadMore,
    upsert,
    filters,
    setFilters: applyFilters,
  };
}
