// Business hours: the switch, the time zone (a select of the browser's IANA zones, a text box where
// Intl.supportedValuesOf is missing) and one row per weekday; an unchecked day is closed.
import { useMemo } from 'preact/hooks';
import type { DayForm, SettingsForm } from '../../state/settings-form';
import { settingsStrings as t } from '../../strings-settings';
import { FieldError } from './controls';

type Props = {
  form: SettingsForm;
  update: (patch: Partial<SettingsForm>) => void;
  error: { message: string; field: string | null } | null;
};

// Monday first reads more naturally for opening hours; data-day stays 0 = Sunday like the contract.
const ORDER = [1, 2, 3, 4, 5, 6, 0];

/** The business-hours part of the settings form. */
export function BusinessHoursFields({ form, update, error }: Props) {
  const zones = useMemo(() => timeZones(form.timeZone), [form.timeZone]);
  const setDay = (day: number, patch: Partial<DayForm>) =>
    update({ days: form.days.map((d, i) => (i === day ? { ...d, ...patch } : d)) });
  return (
    <div class="hours">
      <label class="check">
        <input
          type="checkbox"
          checked={form.hoursEnabled}
          data-testid="settings-hours-enabled"
          onChange={(e) => update({ hoursEnabled: e.currentTarget.checked })}
        />
        {t.hoursEnabled}
      </label>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the select below, or its text fallback */}
      <label class="field hours-zone">
        <span class="field-label">{t.timeZone}</span>
        {zones ? (
          <select
            class="select"
            value={form.timeZone}
            data-testid="settings-timezone"
            onChange={(e) => update({ timeZone: e.currentTarget.value })}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        ) : (
          <input
            class="input"
            value={form.timeZone}
            maxLength={60}
            placeholder="Europe/Paris"
            data-testid="settings-timezone"
            onInput={(e) => update({ timeZone: e.currentTarget.value })}
          />
        )}
        <FieldError error={error} field="timeZone" />
      </label>
      <div class={`days${form.hoursEnabled ? '' : ' days-off'}`}>
        {ORDER.map((day) => {
          const d = form.days[day];
          return (
            <div
              key={day}
              class="day-row"
              data-testid="settings-day"
              data-day={day}
              data-open={d.open ? 'true' : 'false'}
            >
              <label class="check day-name">
                <input
                  type="checkbox"
                  checked={d.open}
                  data-testid="settings-day-open-toggle"
                  onChange={(e) => setDay(day, { open: e.currentTarget.checked })}
                />
                {t.weekdays[day]}
              </label>
              {d.open ? (
                <span class="day-times">
                  <input
                    type="time"
                    class="input input-small"
                    value={d.from}
                    required
                    aria-label={`${t.weekdays[day]} opens`}
                    data-testid="settings-day-open"
                    onInput={(e) => setDay(day, { from: e.currentTarget.value })}
                  />
                  <span class="muted">{t.to}</span>
                  <input
                    type="time"
                    class="input input-small"
                    value={d.to}
                    required
                    aria-label={`${t.weekdays[day]} closes`}
                    data-testid="settings-day-close"
                    onInput={(e) => setDay(day, { to: e.currentTarget.value })}
                  />
                </span>
              ) : (
                <span class="muted day-closed">{t.closed}</span>
              )}
            </div>
          );
        })}
      </div>
      <FieldError error={error} field="hours" />
    </div>
  );
}

// The browser's zone list, with the current value added (UTC and old aliases are not always listed).
function timeZones(current: string): string[] | null {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  if (typeof intl.supportedValuesOf !== 'function') return null;
  const zones = intl.supportedValuesOf('timeZone');
  return zones.includes(current) || !current ? zones : [current, ...zones];
}
