import { describe, expect, it } from 'vitest';
import { ownStatus } from './own-status';

describe('own status in the top bar', () => {
  it('shows the chosen status only while the site socket is up', () => {
    expect(ownStatus('online', 'online')).toEqual({ state: 'online', label: 'Online' });
    expect(ownStatus('busy', 'online')).toEqual({ state: 'busy', label: 'Busy' });
  });
  it('never says Online while the socket is down or dialing', () => {
    expect(ownStatus('online', 'offline')).toEqual({ state: 'offline', label: 'Offline, reconnecting' });
    expect(ownStatus('away', 'connecting')).toEqual({ state: 'connecting', label: 'Connecting…' });
  });
});
