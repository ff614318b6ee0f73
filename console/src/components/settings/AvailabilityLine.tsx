// "Now: online / offline / outside hours", from the widget's public config (what visitors see right now).
import { useEffect, useState } from 'preact/hooks';
import type { Availability } from '../../../../protocol';
import { settingsApi } from '../../api-settings';
import { settingsStrings as t } from '../../strings-settings';

/** Which of the three states applies: hours first, since outside hours nobody is expected. */
export function availabilityState(a: Availability): 'online' | 'offline' | 'outside' {
  if (!a.withinHours) return 'outside';
  return a.agentsOnline ? 'online' : 'offline';
}

/** The live status line; `version` changes after a save so the new hours are reflected. */
export function AvailabilityLine({ siteKey, version }: { siteKey: string; version: number }) {
  const [state, setState] = useState<'online' | 'offline' | 'outside' | null>(null);
  useEffect(() => {
    let cancelled = false;
    settingsApi
      .widgetConfig(siteKey)
      .then((config) => !cancelled && setState(availabilityState(config.availability)))
      .catch(() => !cancelled && setState(null));
    return () => {
      cancelled = true;
    };
  }, [siteKey, version]);
  if (!state) return null;
  return (
    <p class="availability" data-testid="settings-availability" data-state={state}>
      <span class={`status-dot availability-${state}`} aria-hidden="true" />
      {t.now} <strong>{t.availability[state]}</strong>
    </p>
  );
}
