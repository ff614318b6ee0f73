import { describe, expect, it } from 'vitest';
import { api, registerOwner, visitorSession, workspaceWithSite } from '../../test/helpers';
import { teamMember } from '../../test/team-helpers';
import { withinBusinessHours } from './availability';

const hours = (days: { day: number; open: string; close: string }[], timeZone = 'Europe/Paris') => ({
  enabled: true,
  timeZone,
  days,
});

describe('business hours', () => {
  it("reads the time in the hours' own time zone", () => {
    const mondayNoonUtc = new Date('2026-11-23T12:00:00Z'); // 13:00 in Paris, 07:00 in New York
    expect(withinBusinessHours(hours([{ day: 1, open: '09:00', close: '17:00' }]), mondayNoonUtc)).toBe(true);
    expect(
      withinBusinessHours(hours([{ day: 1, open: '09:00', close: '17:00' }], 'America/New_York'), mondayNoonUtc),
    ).toBe(false);
    expect(withinBusinessHours(hours([{ day: 2, open: '00:00', close: '23:59' }]), mondayNoonUtc)).toBe(false);
    expect(withinBusinessHours({ ...hours([]), enabled: false }, mondayNoonUtc)).toBe(true);
  });
  it('counts the last minute of a day that closes at 23:59 or 24:00', () => {
    const lastMinute = new Date('2026-11-23T23:59:30Z'); // Monday 23:59 UTC
    expect(withinBusinessHours(hours([{ day: 1, open: '00:00', close: '23:59' }], 'UTC'), lastMinute)).toBe(true);
    expect(withinBusinessHours(hours([{ day: 1, open: '00:00', close: '24:00' }], 'UTC'), lastMinute)).toBe(true);
    expect(withinBusinessHours(hours([{ day: 1, open: '00:00', close: '23:00' }], 'UTC'), lastMinute)).toBe(false);
  });

  it('handles hours past midnight', () => {
    const night = hours([{ day: 5, open: '22:00', close: '02:00' }], 'UTC');
    expect(withinBusinessHours(night, new Date('2026-11-27T23:00:00Z'))).toBe(true); // Friday 23:00
    expect(withinBusinessHours(night, new Date('2026-11-28T01:00:00Z'))).toBe(true); // Saturday 01:00
    expect(withinBusinessHours(night, new Date('2026-11-28T03:00:00Z'))).toBe(false);
  });
});

describe('widget settings', () => {
  it('are edited by admins and served, with defaults and availability, by one public cacheable endpoint', async () => {
    const { owner, site } = await workspaceWithSite();
    const defaults = await api(`/api/widget/config/${site.key}`, { origin: null });
    expect(defaults.status).toBe(200);
    expect(defaults.body.settings).toMatchObject({
      color: '#4f46e5',
      position: 'right',
      preChat: 'off',
      offline: 'message',
      identity: 'off',
    });
    expect(defaults.body.settings).not.toHaveProperty('idleTimeoutMinutes');
    expect(defaults.body.availability).toEqual({ agentsOnline: false, withinHours: true });
    const patched = await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: {
        name: 'Shop EU',
        settings: {
          color: '#0f766e',
          position: 'left',
          greeting: 'Hallo!',
          preChat: 'required',
          businessHours: hours([]),
        },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.site).toMatchObject({
      name: 'Shop EU',
      settings: { color: '#0f766e', position: 'left', greeting: 'Hallo!', preChat: 'required', title: 'Chat with us' },
    });
    expect(patched.body.site).not.toHaveProperty('identitySecret');
    const served = await api(`/api/widget/config/${site.key}`, { origin: null });
    expect(served.body.settings).toMatchObject({ color: '#0f766e', position: 'left', greeting: 'Hallo!' });
    expect(served.body.availability.withinHours).toBe(false); // enabled with no open days
    expect((await api(`/api/widget/config/pk_nope`)).body.error.code).toBe('not_found');
  });

  it('a partial change keeps every other setting', async () => {
    const { owner, site } = await workspaceWithSite();
    const patch = (settings: object) =>
      api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: { settings } });
    await patch({
      title: 'Custom',
      preChat: 'required',
      businessHours: hours([{ day: 1, open: '08:00', close: '12:00' }]),
    });
    const second = await patch({ offline: 'hide' });
    expect(second.body.site.settings).toMatchObject({
      title: 'Custom',
      preChat: 'required',
      offline: 'hide',
      businessHours: { enabled: true, timeZone: 'Europe/Paris' },
    });
    expect((await patch({ nonsense: 1 })).body.error.code).toBe('bad_request');
  });

  it('validates settings and refuses who may not change them', async () => {
    const { owner, site } = await workspaceWithSite();
    for (const settings of [
      { color: 'red' },
      { preChat: 'always' },
      { businessHours: { enabled: true, timeZone: 'Mars/Olympus' } },
      { idleTimeoutMinutes: 1 },
    ]) {
      const res = await api(`/api/sites/${site.id}`, { token: owner.token, method: 'PATCH', body: { settings } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const agent = await teamMember(owner.token);
    expect(
      (await api(`/api/sites/${site.id}`, { token: agent.token, method: 'PATCH', body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await api(`/api/sites/${site.id}/identity-secret`, { token: agent.token })).status).toBe(403);
    const stranger = await registerOwner('Eve');
    expect(
      (await api(`/api/sites/${site.id}`, { token: stranger.token, method: 'PATCH', body: { name: 'x' } })).status,
    ).toBe(404);
    const v = await visitorSession(site.key);
    expect((await api(`/api/sites/${site.id}/identity-secret`, { token: v.token, method: 'POST' })).status).toBe(403);
  });
});

describe('pre-chat and offline messages', () => {
  it('requires name and email when the site asks for them, and stores an offline message as the first message', async () => {
    const { owner, site } = await workspaceWithSite();
    await api(`/api/sites/${site.id}`, {
      token: owner.token,
      method: 'PATCH',
      body: { settings: { preChat: 'required' } },
    });
    const v = await visitorSession(site.key);
    const missing = await api('/api/widget/conversations', { token: v.token, body: { name: 'Kim' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('prechat_required');
    const badEmail = await api('/api/widget/conversations', { token: v.token, body: { name: 'Kim', email: 'kim@' } });
    expect(badEmail.body.error.code).toBe('bad_request');
    const left = await api('/api/widget/conversations', {
      token: v.token,
      body: { name: 'Kim', email: 'Kim@Example.com', message: 'Call me back please' },
    });
    expect(left.status).toBe(201);
    const id = left.body.conversation.id;
    const history = await api(`/api/conversations/${id}/messages`, { token: owner.token });
    expect(history.body.messages).toMatchObject([
      { seq: 1, kind: 'text', body: 'Call me back please', sender: { type: 'visitor' } },
    ]);
    const profile = await api(`/api/conversations/${id}/visitor`, { token: owner.token });
    expect(profile.body.visitor).toMatchObject({ name: 'Kim', email: 'kim@example.com' });
    // Once known, the visitor is not asked again (and gets their open conversation back).
    expect((await api('/api/widget/conversations', { token: v.token, body: {} })).status).toBe(200);
  });
});
