import { describe, expect, it } from 'vitest';
import type { ConnState } from './connection';
import { toStatus, type ConnStatus } from './status';

/** The indicator along a run of states. */
const run = (states: ConnState[]) => {
  let shown: ConnStatus | undefined;
  return states.map((s) => (shown = toStatus(s, shown)));
};

describe('toStatus', () => {
  it('reads connecting until the first hello or failure, online while live (pings included)', () => {
    expect(run(['idle', 'connecting', 'open', 'awaiting_pong', 'open'])).toEqual([
      'connecting',
      'connecting',
      'online',
      'online',
      'online',
    ]);
  });

  it('reads offline through retries until a hello, without flickering back to connecting', () => {
    expect(run(['connecting', 'backing_off', 'connecting', 'backing_off', 'connecting', 'open'])).toEqual([
      'connecting',
      'offline',
      'offline',
      'offline',
      'offline',
      'online',
    ]);
    expect(run(['connecting', 'open', 'backing_off', 'connecting', 'open', 'stopped'])).toEqual([
      'connecting',
      'online',
      'offline',
      'offline',
      'online',
      'offline',
    ]);
  });
});
