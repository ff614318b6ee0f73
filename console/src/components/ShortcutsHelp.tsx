// The "?" overlay listing the keyboard shortcuts.
import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from '../state/shortcuts';
import { toolStrings as t } from '../strings-tools';

/** The help dialog; Escape or a click outside closes it (Escape is handled by useShortcuts). */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  // Focus goes into the dialog and back where it was when it closes.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a mouse shortcut; Escape and the close button are the accessible ways out
    // biome-ignore lint/a11y/useKeyWithClickEvents: same
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
      >
        <div class="dialog-head">
          <h2 id="shortcuts-title" class="popover-title">
            {t.shortcutsTitle}
          </h2>
          <button
            ref={close}
            type="button"
            class="button button-ghost icon-button"
            aria-label={t.shortcutsClose}
            onClick={onClose}
          >
            ✕
          </button>
        </div>
        <dl class="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.command} class="shortcut-item">
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t.shortcutLabels[s.command]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
