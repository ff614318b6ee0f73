// Pure duration formatting for timings and the dashboard ("2m 30s", "1h 5m", "3d 4h").

/** A number of seconds as at most two units; "—" for null (not happened yet). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total}s`;
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const secs = total % 60;
  // Two units are enough to compare response times; more is noise.
  if (days > 0) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes ? `${hours}h ${minutes}m` : `${hours}h`;
  return secs ? `${minutes}m ${secs}s` : `${minutes}m`;
}

/** YYYY-MM-DD of a local date, the value format of <input type="date">. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The dashboard's default range: the last 7 days, today included. */
export function lastSevenDays(now: Date): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6);
  return { from: dateInputValue(from), to: dateInputValue(now) };
}
