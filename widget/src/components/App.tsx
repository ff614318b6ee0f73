// The widget root: the panel while open, the loader's launcher kept in step, focus moved between them.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Chat } from '../chat';
import { makeView } from '../view';
import { lang } from '../i18n';
import type { Boot } from '../loader';
import { paintLauncher } from './launcher';
import { Panel } from './Panel';

/** Re-renders on every change of the chat. */
function useView(chat: Chat) {
  const [, tick] = useState(0);
  useEffect(() => {
    let n = 0;
    return chat.subscribe(() => tick(++n));
  }, [chat]);
  return makeView(chat);
}

/** The whole app UI. */
export function App({ chat, boot }: { chat: Chat; boot: Boot }) {
  const v = useView(chat);
  const wasOpen = useRef(v.open);
  useLayoutEffect(() => paintLauncher(boot, v, chat.cfg?.settings.offline === 'hide'));
  useEffect(() => {
    // Closed by Escape, the close button or the JS API while focus was in the widget: give focus back to the launcher.
    const active = document.activeElement;
    if (wasOpen.current && !v.open && (active === document.body || active === boot.host)) boot.btn.focus();
    wasOpen.current = v.open;
  }, [v.open]);
  const close = () => {
    chat.setOpen(false);
    boot.btn.focus();
  };
  return (
    <div class="p-root" lang={lang}>
      {v.open && !v.hidden && <Panel v={v} chat={chat} onClose={close} />}
    </div>
  );
}
