// The widget root: the panel while open, the loader's launcher kept in step, focus moved between them.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Actions, View } from '../chat';
import { lang } from '../i18n';
import type { Boot } from '../boot';
import { paintLauncher } from './launcher';
import { Panel } from './Panel';

/** The whole app UI, rendered again with a new view after every change of the chat. */
export function App({ v, a, boot }: { v: View; a: Actions; boot: Boot }) {
  const wasOpen = useRef(v.open);
  useLayoutEffect(() => paintLauncher(boot, v));
  useEffect(() => {
    // Closed by Escape, the close button or the JS API while focus was in the widget: give focus back to the launcher.
    const active = document.activeElement;
    if (wasOpen.current && !v.open && (active === document.body || active === boot.host)) boot.btn.focus();
    wasOpen.current = v.open;
  }, [v.open]);
  const close = () => {
    a.open(false);
    boot.btn.focus();
  };
  return (
    <div class="p-root" lang={lang}>
      {v.open && !v.hidden && <Panel v={v} a={a} onClose={close} />}
    </div>
  );
}
