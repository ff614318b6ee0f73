// One open conversation: history over REST, then a conversation socket that resumes after the
// highest seq seen, an outbox that survives disconnects, and read receipts while visible.
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Agent, Conversation, Message, ServerFrame } from '../../../protocol';
import { highestSeq, resumeSince, toResend } from '../../../client/messages';
import { api, type ApiError } from '../api';
import { openConsoleSocket, type ConsoleSocket, type SocketState } from '../realtime/socket';
import { emptyConversationState, reduceConversation } from '../state/conversation';
import { useBrowserReconnect } from './useBrowserReconnect';
import { useReadReceipts } from './useReadReceipts';

const PAGE_SIZE = 50;

/** State and actions of the conversation view (mount it with key={id}: one hook instance per conversation); onConversation feeds changes back to the inbox. */
export function useConversation(id: string, agent: Agent, onConversation: (conversation: Conversation) => void) {
  const [state, dispatch] = useReducer(reduceConversation, emptyConversationState);
  const [connection, setConnection] = useState<SocketState>('connecting');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const socketRef = useRef<ConsoleSocket | null>(null);
  const readSentRef = useRef(0);
  const onConversationRef = useRef(onConversation);
  onConversationRef.current = onConversation;

  // Sends every message still waiting; safe to repeat because the server dedupes by clientId.
  const flush = useCallback(() => {
    const socket = socketRef.current;
    if (!socket) return;
    const sent = toResend(stateRef.current.pending).filter((p) =>
      socket.send({ type: 'send', clientId: p.clientId, body: p.body, kind: p.kind }),
    );
    if (sent.length) dispatch({ type: 'sending', clientIds: sent.map((p) => p.clientId) });
  }, []);

  useEffect(() => {
    let cancelled = false;
    let socket: ConsoleSocket | null = null;
    // The server's time at this conversation's last hello: the `since` of the next resume.
    let helloAt: string | undefined;
    let hellos = 0;
    Promise.all([api.conversation(id), api.messages(id, { limit: PAGE_SIZE })])
      .then(([{ conversation }, page]) => {
        if (cancelled) return;
        dispatch({ type: 'conversation', conversation });
        dispatch({ type: 'history', messages: page.messages, hasMore: page.hasMore, older: false });
        // url() runs before the next render, so the resume point must already include this page.
        stateRef.current = reduceConversation(stateRef.current, {
          type: 'history',
          messages: page.messages,
          hasMore: page.hasMore,
          older: false,
        });
        socket = openConsoleSocket<ServerFrame>({
          // Resume after the highest seq held and since the last hello (client/messages' resumeSince): the server
          // replays the gap and the messages edited or deleted meanwhile, notes included.
          path: () =>
            `/api/conversations/${encodeURIComponent(id)}/ws?after=${highestSeq(stateRef.current.messages)}&since=${resumeSince(stateRef.current.messages, helloAt)}`,
          onStatus: setConnection,
          onFrame: (frame) => {
            dispatch({ type: 'frame', frame, author: { id: agent.id, name: agent.name }, now: Date.now() });
            if (frame.type === 'hello' || frame.type === 'conversation') onConversationRef.current(frame.conversation);
            if (frame.type !== 'hello') return;
            helloAt = frame.at;
            // A hello is a new socket: the outbox goes (again; the server dedupes by clientId), read marks restart.
            readSentRef.current = 0;
            flush();
            // A message that came over REST meanwhile (an upload) may have moved the resume point past one the
            // socket never brought: a reconnect re-reads the latest page too.
            if (hellos++)
              api.messages(id, { limit: PAGE_SIZE }).then(
                (p) => dispatch({ type: 'history', messages: p.messages, hasMore: p.hasMore, older: false }),
                () => {},
              );
          },
        });
        socketRef.current = socket;
      })
      .catch((error: ApiError) => {
        if (cancelled) return;
        setLoadError(error.message);
        setConnection('offline');
      });
    return () => {
      cancelled = true;
      socket?.stop();
      socketRef.current = null;
    };
  }, [id, agent.id, agent.name, flush]);

  useBrowserReconnect(socketRef);

  // The typing indicator fades on its own if the "off" frame never comes.
  useEffect(() => {
    if (!state.typing) return;
    const timer = setTimeout(
      () => dispatch({ type: 'typingExpired', now: Date.now() }),
      state.typing.until - Date.now() + 10,
    );
    return () => clearTimeout(timer);
  }, [state.typing]);

  useReadReceipts(state.messages, state.conversation, connection, socketRef, readSentRef);

  const send = useCallback((body: string, kind: 'text' | 'note') => {
    const pending = {
      clientId: crypto.randomUUID(),
      body,
      kind,
      createdAt: new Date().toISOString(),
      state: 'queued' as const,
    };
    dispatch({ type: 'queue', pending });
    if (socketRef.current?.send({ type: 'send', clientId: pending.clientId, body, kind }))
      dispatch({ type: 'sending', clientIds: [pending.clientId] });
  }, []);
  const typing = useCallback((on: boolean) => void socketRef.current?.send({ type: 'typing', on }), []);
  const retry = useCallback(
    (clientId: string) => {
      dispatch({ type: 'retry', clientId });
      // flush() reads the ref before the re-render.
      stateRef.current = reduceConversation(stateRef.current, { type: 'retry', clientId });
      flush();
    },
    [flush],
  );
  const discard = useCallback((clientId: string) => dispatch({ type: 'discard', clientId }), []);
  const loadOlder = useCallback(async () => {
    const oldest = stateRef.current.messages[0];
    if (!oldest || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.messages(id, { before: oldest.seq, limit: PAGE_SIZE });
      dispatch({ type: 'history', messages: page.messages, hasMore: page.hasMore, older: true });
    } finally {
      setLoadingOlder(false);
    }
  }, [id, loadingOlder]);
  // A message stored through REST (an upload): merged like a live frame, so its broadcast copy dedupes by seq.
  const addMessage = useCallback(
    (message: Message) =>
      dispatch({
        type: 'frame',
        frame: { type: 'message', message },
        author: { id: agent.id, name: agent.name },
        now: Date.now(),
      }),
    [agent.id, agent.name],
  );
  const setConversation = useCallback((conversation: Conversation) => {
    dispatch({ type: 'conversation', conversation });
    onConversationRef.current(conversation);
  }, []);

  return {
    state,
    connection,
    loadError,
    loadingOlder,
    send,
    typing,
    retry,
    discard,
    loadOlder,
    setConversation,
    addMessage,
  };
}
