// Read receipts of the open conversation: tells the server what the agent has seen, only while the tab is visible.
import { useEffect, useState } from 'preact/hooks';
import type { Conversation } from '../../../protocol';
import type { ConsoleSocket, SocketState } from '../realtime/socket';

/** Sends `read` up to the latest seq while visible and online (once per seq per connection). */
export function useReadReceipts(
  messages: readonly { seq: number }[],
  conversation: Conversation | null,
  connection: SocketState,
  socketRef: { current: ConsoleSocket | null },
  readSentRef: { current: number },
): void {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  const latest = messages.length ? messages[messages.length - 1].seq : 0;
  useEffect(() => {
    if (!visible || connection !== 'online' || latest === 0) return;
    if (latest <= readSentRef.current || latest <= (conversation?.agentReadSeq ?? 0)) return;
    if (socketRef.current?.send({ type: 'read', seq: latest })) readSentRef.current = latest;
  }, [visible, connection, latest, conversation?.agentReadSeq, socketRef, readSentRef]);
}
