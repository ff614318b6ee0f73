// The notification preferences popover of the top bar: three switches saved to the server, and the
// button that asks the browser for desktop-notification permission (only ever on a click).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../../protocol';
import { notificationPermission, requestNotificationPermission } from '../realtime/alerts';
import { toolStrings as t } from '../strings-tools';
import { ErrorText } from './ErrorText';

/** Props of PrefsMenu. */
export type PrefsMenuProps = {
  preferences: Preferences;
  error: string | null;
  onChange: (changes: Partial<Preferences>) => void;
};

const rows: { key: keyof Preferences; label: string; testId: string }[] = [
  { key: 'desktop', label: t.prefsDesktop, testId: 'prefs-desktop' },
  { key: 'sound', label: t.prefsSound, testId: 'prefs-sound' },
  { key: 'title', label: t.prefsTitleCount, testId: 'prefs-title' },
];

/** A bell button opening the preferences. */
export function PrefsMenu({ preferences, error, onChange }: PrefsMenuProps) {
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState(notificationPermission);
  const root = useRef<HTMLDivElement>(null);

  // Close on a click outside or Escape, like any menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function ask() {
    setPermission(await requestNotificationPermission());
  }

  return (
    <div class="prefs" ref={root}>
      <button
        type="button"
        class="button button-ghost icon-button"
        aria-expanded={open}
        aria-haspopup="true"
        title={t.prefsTitle}
        onClick={() => {
          setPermission(notificationPermission());
          setOpen(!open);
        }}
        data-testid="prefs-open"
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        <span class="visually-hidden">{t.prefsTitle}</span>
      </button>
      {open && (
        <div class="popover prefs-popover" role="dialog" aria-label={t.prefsTitle} data-testid="prefs-menu">
          <h3 class="popover-title">{t.prefsTitle}</h3>
          {rows.map((row) => (
            <label key={row.key} class="check prefs-row">
              <input
                type="checkbox"
                checked={preferences[row.key]}
                onChange={(e) => onChange({ [row.key]: e.currentTarget.checked })}
                data-testid={row.testId}
              />
              {row.label}
            </label>
          ))}
          <div class="prefs-permission" data-permission={permission}>
            {permission === 'default' ? (
              <button type="button" class="button button-secondary" onClick={ask} data-testid="prefs-permission">
                {t.permissionAsk}
              </button>
            ) : (
              <p class="muted" data-testid="prefs-permission">
                {permission === 'granted'
                  ? t.permissionGranted
                  : permission === 'denied'
                    ? t.permissionDenied
                    : t.permissionUnsupported}
              </p>
            )}
          </div>
          <ErrorText message={error} />
        </div>
      )}
    </div>
  );
}
