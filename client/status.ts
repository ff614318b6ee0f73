// What a connection indicator shows, derived from the machine's state (both apps show these three words).
import type { ConnState } from './connection';

/** The indicator: dialing for the first time, live, or not live (backing off, stopped, or retrying after a failure). */
export type ConnStatus = 'connecting' | 'online' | 'offline';

/**
 * The indicator for a new state, given the one shown before: "connecting" only until the first failure, so a link
 * that keeps failing reads "offline" and does not flicker between the two words on every retry.
 */
export const toStatus = (state: ConnState, shown?: ConnStatus): ConnStatus =>
  state == 'open' || state == 'awaiting_pong'
    ? 'online'
    : (state == 'idle' || state == 'connecting') && shown != 'offline'
      ? 'connecting'
      : 'offline';
