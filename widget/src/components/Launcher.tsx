// The floating round button, with the unread badge.
import type { RefObject } from 'preact';
import { strings } from '../strings';

/** Badge text: the count, capped at "9+". */
export const badgeText = (n: number) => (n > 9 ? '9+' : String(n));

/** The launcher button (bottom right). */
export function Launcher(p: { open: boolean; unread: number; onClick: () => void; btnRef: RefObject<HTMLButtonElement> }) {
  const label = p.open ? strings.closeChat : p.unread ? strings.unread(p.unread) : strings.openChat;
  return (
    <button
      ref={p.btnRef}
      type="button"
      class={'p-launcher' + (p.open ? ' p-on' : '')}
      data-parley="launcher"
      aria-label={label}
      aria-expanded={p.open ? 'true' : 'false'}
      aria-haspopup="dialog"
      onClick={p.onClick}
    >
      {p.open ? (
        <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      ) : (
        <svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
          <path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.4 1.1 4.6 3 6.2-.2 1.3-.8 2.6-1.8 3.6 2.1 0 3.9-.7 5.2-1.7 1.1.3 2.3.5 3.6.5 5.5 0 10-3.9 10-8.6S17.5 3 12 3z" />
        </svg>
      )}
      {p.unread > 0 && (
        <span class="p-badge" data-parley="badge" aria-hidden="true">
          {badgeText(p.unread)}
        </span>
      )}
    </button>
  );
}
