// The panel header: title, connection state, who is helping or whether anyone can answer, close button.
import { t } from '../i18n';
import type { View } from '../view';

/** Header line about availability: outside hours wins over "nobody online". */
const availText = (a: NonNullable<View['avail']>) => (!a.hours ? t.avail.hours : a.online ? t.avail.on : t.avail.off);

/** The header of the panel. */
export function Header({ v, onClose }: { v: View; onClose: () => void }) {
  const conn = v.status !== 'online' && t.status[v.status];
  return (
    <header class="p-head">
      <div class="p-head-text">
        <h2 class="p-title" id="p-title">
          {v.title || t.title}
        </h2>
        <div class="p-status" data-parley="status" data-state={v.status}>
          <i class="p-dot" aria-hidden="true" />
          {conn && <span>{conn}</span>}
          {v.assignee ? (
            <span data-parley="assignee">{t.helping(v.assignee)}</span>
          ) : (
            v.avail && (
              <span data-parley="availability" data-online={String(v.avail.online)} data-hours={String(v.avail.hours)}>
                {availText(v.avail)}
              </span>
            )
          )}
        </div>
      </div>
      <button type="button" class="p-close" data-parley="close" aria-label={t.closeChat} title={t.closeChat} onClick={onClose}>
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </header>
  );
}
