// Keeps the loader's launcher button (plain DOM, drawn before the app loaded) in step with the chat.
import { t } from '../i18n';
import type { Boot } from '../boot';
import type { View } from '../chat';

/** Badge text: the count, capped at "9+". */
export const badgeText = (n: number): string => (n > 9 ? '9+' : String(n));

/** Updates label, icon, badge and visibility of the launcher (and the host for Parley('hide')). */
export function paintLauncher(b: Boot, v: View): void {
  const btn = b.btn;
  b.hide(v.hidden);
  btn.hidden = v.noLauncher;
  btn.classList.toggle('on', v.open);
  btn.setAttribute('aria-expanded', '' + v.open);
  btn.setAttribute('aria-label', v.open ? t.closeChat : v.unread ? t.unread(v.unread) : t.openChat);
  let badge = btn.querySelector<HTMLElement>('.bg');
  if (!v.unread || v.open) {
    badge?.remove();
    return;
  }
  if (!badge) {
    // First, not last: the loader's apply() (run again on every availability check) writes the button's last child.
    btn.prepend((badge = document.createElement('span')));
    badge.className = 'bg';
    badge.dataset.parley = 'badge';
    badge.setAttribute('aria-hidden', 'true');
  }
  badge.textContent = badgeText(v.unread);
}
