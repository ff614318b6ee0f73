// The panel header: title, connection state, who is helping or whether anyone can answer, close button.
import { t } from '../i18n';
import type { View } from '../chat';

/** A 20 px stroked icon of the panel's buttons (decorative: the button carries the label). */
export const Icon = ({ d, w }: { d: string; w: string }) => (
  <svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width={w}
    stroke-linecap="round"
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
);

/** The header of the panel. */
export function Header({ v, onClose }: { v: View; onClose: () => void }) {
  const conn = v.status !== 'online' && t.status[v.status];
  return (
    <header class="hd">
      <div class="ht">
        <h2 class="p-title" id="p-title">
          {v.title || t.title}
        </h2>
        {/* One line from one state: while not connected, only that (never "Offline · We are online"); then who helps,
            else whether anyone can answer. */}
        <div class="st" data-parley="status" data-state={v.status}>
          <i class="dt" aria-hidden="true" />
          {conn ? (
            <span>{conn}</span>
          ) : v.conv?.assigneeName ? (
            <span data-parley="assignee">{t.helping(v.conv.assigneeName)}</span>
          ) : (
            v.avail && (
              <span data-parley="availability" data-online={v.avail.agentsOnline} data-hours={v.avail.withinHours}>
                {/* Outside hours wins over "nobody online". */}
                {!v.avail.withinHours ? t.avail.hours : v.avail.agentsOnline ? t.avail.on : t.avail.off}
              </span>
            )
          )}
        </div>
      </div>
      <button
        type="button"
        class="cl"
        data-parley="close"
        aria-label={t.closeChat}
        title={t.closeChat}
        onClick={onClose}
      >
        <Icon d="M6 6l12 12M18 6 6 18" w="2.4" />
      </button>
    </header>
  );
}
