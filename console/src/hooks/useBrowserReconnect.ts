// Browsers know before our backoff and pings do when the network comes or goes, or a tab wakes up.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ConsoleSocket } from '../realtime/socket';

/** Online or visible again: wake the socket (retry now, or check a live link); offline: drop it and back off. */
export function useBrowserReconnect(socketRef: RefObject<ConsoleSocket | null>): void {
  useEffect(() => {
    const wake = () => {
      if (document.visibilityState === 'visible') socketRef.current?.wake();
    };
    const lost = () => socketRef.current?.lost();
    window.addEventListener('online', wake);
    window.addEventListener('offline', lost);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('online', wake);
      window.removeEventListener('offline', lost);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [socketRef]);
}
