// A clock that ticks so relative times ("5m") stay true without a reload.
import { useEffect, useState } from 'preact/hooks';

/** Current time in ms, refreshed every `intervalMs` (30 s by default). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
