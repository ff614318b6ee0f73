/**
 * Server-side liveness of console sockets. A laptop that sleeps never sends a close
 * frame, so "has a socket open" is not enough to be online: a socket must also have
 * been heard from recently (a ping answered by the runtime's auto-response, or any frame).
 */

/** The console pings every 25 s; a hidden tab's timers may be throttled to once a minute, so allow 90 s of silence. */
export const HEARTBEAT_TIMEOUT_MS = 90_000;
/** How often the SiteDO's alarm looks for silent sockets while any console is connected. */
export const HEARTBEAT_CHECK_MS = 30_000;

/** When a socket was last heard from, in ms since the epoch: the latest of its own frames and its pings. */
export const lastHeard = (seenAt: number, autoResponseAt: Date | null) =>
  Math.max(seenAt, autoResponseAt?.getTime() ?? 0);

/** True when a socket has been silent for longer than the heartbeat timeout (times in ms). */
export const isSilent = (lastHeardAt: number, now: number, timeoutMs = HEARTBEAT_TIMEOUT_MS) =>
  now - lastHeardAt > timeoutMs;
