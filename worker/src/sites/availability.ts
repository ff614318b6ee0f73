import type { Availability, BusinessHours } from '../../../protocol';
import { log } from '../lib/log';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Whether `now` falls inside the opening hours, read in the hours' own time zone. */
export function withinBusinessHours(hours: BusinessHours, now = new Date()): boolean {
  if (!hours.enabled) return true;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(get('weekday'));
  const time = `${get('hour')}:${get('minute')}`;
  // A close at 23:59 (the latest a time input offers) or 24:00 means the end of the day.
  const closes = (close: string) => (close === '23:59' ? '24:00' : close);
  // A close earlier than the open means the hours run past midnight (22:00–02:00).
  return hours.days.some((d) =>
    d.open <= d.close
      ? d.day === day && time >= d.open && time < closes(d.close)
      : (d.day === day && time >= d.open) || ((d.day + 1) % 7 === day && time < d.close),
  );
}

/** Whether anyone can answer now: an agent online on the site's consoles, within business hours. */
export async function siteAvailability(env: Env, siteId: string, hours: BusinessHours): Promise<Availability> {
  let agentsOnline = false;
  try {
    agentsOnline = (await env.SITES.getByName(siteId).presence()).some((a) => a.status === 'online');
  } catch (err) {
    log.warn('presence.unavailable', { siteId, error: err });
  }
  return { agentsOnline, withinHours: withinBusinessHours(hours) };
}
