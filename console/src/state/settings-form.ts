// The settings page's form model and its mapping to and from the site (pure, unit-tested).
// Inputs hold strings; the mapping turns them into one PATCH body for /api/sites/:id.
import type { Locale, Site, WidgetSettings } from '../../../protocol';
import { parseOrigins } from './sites';

/** The worker's defaults (kept here so the console bundle needs no zod; a test compares them with WidgetSettings.parse({})). */
export const DEFAULT_SETTINGS: WidgetSettings = {
  color: '#4f46e5',
  position: 'right',
  title: 'Chat with us',
  greeting: 'Hi! How can we help?',
  launcherText: '',
  preChat: 'off',
  businessHours: {
    enabled: false,
    timeZone: 'UTC',
    days: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  },
  offline: 'message',
  identity: 'off',
  locale: null,
  unreadEmailMinutes: 5,
  idleTimeoutMinutes: 24 * 60,
  turnstile: 'off',
};

/** One weekday row: open or closed, with its hours (kept while unchecked so re-checking restores them). */
export type DayForm = { open: boolean; from: string; to: string };

/** Everything the settings form edits, as the inputs hold it. */
export type SettingsForm = {
  name: string;
  color: string;
  position: WidgetSettings['position'];
  title: string;
  greeting: string;
  launcherText: string;
  preChat: WidgetSettings['preChat'];
  hoursEnabled: boolean;
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday, like Date#getDay and BusinessDay.day. */
  days: DayForm[];
  offline: WidgetSettings['offline'];
  identity: WidgetSettings['identity'];
  turnstile: WidgetSettings['turnstile'];
  origins: string;
  idleMinutes: string;
  /** Minutes an agent's reply may stay unread before it is emailed (decimals allowed). */
  unreadEmailMinutes: string;
  locale: Locale | '';
};

/** The site's settings with the defaults filled in (the server already does it; old sites may lack keys). */
export function siteSettings(site: Site): WidgetSettings {
  const s = site.settings as Partial<WidgetSettings>;
  return { ...DEFAULT_SETTINGS, ...s, businessHours: { ...DEFAULT_SETTINGS.businessHours, ...s.businessHours } };
}

/** The form for a site. A weekday with several intervals shows its first one. */
export function formFromSite(site: Site): SettingsForm {
  const s = siteSettings(site);
  const days: DayForm[] = Array.from({ length: 7 }, () => ({ open: false, from: '09:00', to: '17:00' }));
  for (const d of [...s.businessHours.days].reverse()) days[d.day] = { open: true, from: d.open, to: d.close };
  return {
    name: site.name,
    color: s.color,
    position: s.position,
    title: s.title,
    greeting: s.greeting,
    launcherText: s.launcherText,
    preChat: s.preChat,
    hoursEnabled: s.businessHours.enabled,
    timeZone: s.businessHours.timeZone,
    days,
    offline: s.offline,
    identity: s.identity,
    turnstile: s.turnstile,
    origins: site.allowedOrigins.join('\n'),
    idleMinutes: String(s.idleTimeoutMinutes),
    unreadEmailMinutes: String(s.unreadEmailMinutes ?? 5),
    locale: s.locale ?? '',
  };
}

/** PATCH /api/sites/:id body: the site's name, origins and every setting at once. */
export type SiteUpdate = { name: string; allowedOrigins: string[]; settings: Partial<WidgetSettings> };

/** The PATCH body for a form, or a client-side error (the server validates everything else). */
export function bodyFromForm(form: SettingsForm): { body: SiteUpdate } | { error: string; field: string } {
  const idle = Number(form.idleMinutes.trim());
  if (!form.idleMinutes.trim() || !Number.isInteger(idle))
    return { error: 'Idle timeout: a whole number of minutes', field: 'idle' };
  const unreadEmail = Number(form.unreadEmailMinutes.trim());
  if (!form.unreadEmailMinutes.trim() || !Number.isFinite(unreadEmail))
    return { error: 'Unread-reply email: a number of minutes', field: 'unreadEmail' };
  const settings: Partial<WidgetSettings> = {
    color: form.color.trim().toLowerCase(),
    position: form.position,
    title: form.title.trim(),
    greeting: form.greeting.trim(),
    launcherText: form.launcherText.trim(),
    preChat: form.preChat,
    businessHours: {
      enabled: form.hoursEnabled,
      timeZone: form.timeZone.trim(),
      days: form.days.flatMap((d, day) => (d.open ? [{ day, open: d.from, close: d.to }] : [])),
    },
    offline: form.offline,
    identity: form.identity,
    turnstile: form.turnstile,
    idleTimeoutMinutes: idle,
    unreadEmailMinutes: unreadEmail,
  };
  // "Auto" is null: the widget then follows the page's language, then the browser's.
  settings.locale = form.locale || null;
  return { body: { name: form.name.trim(), allowedOrigins: parseOrigins(form.origins), settings } };
}

/** Which form field a server message like "settings.businessHours.days.2.open: a time like 09:00" is about. */
export function errorField(message: string): string | null {
  const path = /^([\w.]+): /.exec(message)?.[1];
  if (!path) return null;
  const parts = path.split('.');
  if (parts[0] === 'allowedOrigins') return 'origins';
  if (parts[0] === 'name') return 'name';
  if (parts[0] !== 'settings' || !parts[1]) return null;
  if (parts[1] === 'businessHours') return parts[2] === 'timeZone' ? 'timeZone' : 'hours';
  const byKey: Record<string, string> = {
    idleTimeoutMinutes: 'idle',
    unreadEmailMinutes: 'unreadEmail',
    launcherText: 'launcherText',
    preChat: 'preChat',
  };
  return byKey[parts[1]] ?? parts[1];
}

/** A hex colour the colour input accepts, or the default (the text box may hold a half-typed value). */
export function pickerColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color.trim()) ? color.trim().toLowerCase() : DEFAULT_SETTINGS.color;
}
