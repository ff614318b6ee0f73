import { describe, expect, it } from 'vitest';
import { WidgetSettings } from '../../../protocol/settings';
import type { Site } from '../../../protocol';
import { bodyFromForm, DEFAULT_SETTINGS, errorField, formFromSite, pickerColor } from './settings-form';

const site = (settings: Record<string, unknown> = {}, extra: Partial<Site> = {}): Site => ({
  id: 's1',
  workspaceId: 'w1',
  name: 'Shop',
  key: 'pk_1',
  allowedOrigins: ['https://a.com'],
  settings,
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('settings form', () => {
  it('uses the same defaults as the worker', () => {
    expect(DEFAULT_SETTINGS).toEqual(WidgetSettings.parse({}));
  });

  it('fills a form from a site, days indexed by weekday, closed days keeping default hours', () => {
    const form = formFromSite(
      site({
        color: '#112233',
        businessHours: { enabled: true, timeZone: 'Europe/Paris', days: [{ day: 6, open: '10:00', close: '14:00' }] },
        locale: 'fr',
      }),
    );
    expect(form).toMatchObject({
      name: 'Shop',
      color: '#112233',
      position: 'right',
      hoursEnabled: true,
      timeZone: 'Europe/Paris',
      origins: 'https://a.com',
      idleMinutes: '1440',
      locale: 'fr',
    });
    expect(form.days[6]).toEqual({ open: true, from: '10:00', to: '14:00' });
    expect(form.days[1]).toEqual({ open: false, from: '09:00', to: '17:00' });
  });

  it('shows the first interval of a day with several', () => {
    const form = formFromSite(
      site({
        businessHours: {
          days: [
            { day: 1, open: '08:00', close: '12:00' },
            { day: 1, open: '13:00', close: '18:00' },
          ],
        },
      }),
    );
    expect(form.days[1]).toEqual({ open: true, from: '08:00', to: '12:00' });
  });

  it('maps a form back to one body the worker accepts, unchecked days left out', () => {
    const form = formFromSite(site());
    form.days[3] = { ...form.days[3], open: false };
    form.origins = 'https://a.com/\nhttps://b.com';
    form.color = '#AABBCC';
    form.title = '  Help  ';
    const result = bodyFromForm(form);
    if (!('body' in result)) throw new Error(result.error);
    expect(result.body.allowedOrigins).toEqual(['https://a.com', 'https://b.com']);
    expect(result.body.settings.color).toBe('#aabbcc');
    expect(result.body.settings.title).toBe('Help');
    expect(result.body.settings.businessHours!.days.map((d) => d.day)).toEqual([1, 2, 4, 5]);
    expect(result.body.settings.locale).toBeNull();
    expect(WidgetSettings.partial().safeParse(result.body.settings).success).toBe(true);
  });

  it('round-trips: form → body → site → same form', () => {
    const form = formFromSite(
      site({
        locale: 'de',
        offline: 'hide',
        identity: 'required',
        preChat: 'optional',
        position: 'left',
        turnstile: 'on',
      }),
    );
    expect(form.turnstile).toBe('on');
    const result = bodyFromForm(form);
    if (!('body' in result)) throw new Error(result.error);
    expect(formFromSite(site(result.body.settings, { allowedOrigins: result.body.allowedOrigins }))).toEqual(form);
  });

  it('refuses a non-integer idle timeout before asking the server', () => {
    const form = { ...formFromSite(site()), idleMinutes: '1.5' };
    expect(bodyFromForm(form)).toEqual({ error: expect.stringContaining('whole number'), field: 'idle' });
    expect(bodyFromForm({ ...form, idleMinutes: '' })).toMatchObject({ field: 'idle' });
    const ok = { ...formFromSite(site()), unreadEmailMinutes: '0.5' };
    const result = bodyFromForm(ok);
    if (!('body' in result)) throw new Error(result.error);
    expect(result.body.settings.unreadEmailMinutes).toBe(0.5);
    expect(bodyFromForm({ ...ok, unreadEmailMinutes: 'soon' })).toMatchObject({ field: 'unreadEmail' });
  });

  it('points server messages at their field', () => {
    expect(errorField('settings.color: a colour like #4f46e5')).toBe('color');
    // The server's refusal to turn Turnstile on without the deployment's keys shows under the Turnstile field.
    expect(errorField('settings.turnstile: this deployment has no Turnstile keys')).toBe('turnstile');
    expect(errorField('allowedOrigins.1: an origin like https://example.com')).toBe('origins');
    expect(errorField('settings.businessHours.days.2.open: a time like 09:00')).toBe('hours');
    expect(errorField('settings.businessHours.timeZone: an IANA time zone')).toBe('timeZone');
    expect(errorField('settings.idleTimeoutMinutes: Too small')).toBe('idle');
    expect(errorField('nothing to change')).toBeNull();
  });

  it('gives the colour picker a valid colour even mid-typing', () => {
    expect(pickerColor('#ABCDEF')).toBe('#abcdef');
    expect(pickerColor('#abc')).toBe(DEFAULT_SETTINGS.color);
  });
});
