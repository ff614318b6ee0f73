// Browsers know before our backoff does when the network is back or a tab wakes up.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ReconnectingSocket } from '../realtime/socket';

/** Reconnects the socket at once when the browser goes online or the tab becomes visible. */
export function useBrowserReconnect(socketRef: RefObject<ReconnectingSocket | null>): void {
  useEffect(() => {
    const wake = () => {
      if (document.visibilityState === 'visible') socketRef.current?.reconnectNow();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [socketRef]);
}
