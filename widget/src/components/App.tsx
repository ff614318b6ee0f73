// The widget root: launcher plus the panel while open, with focus management between them.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chat } from '../chat';
import { unlockAudio } from '../sound';
import { Launcher } from './Launcher';
import { Panel } from './Panel';

/** Re-renders on every change of the chat. */
function useView(chat: Chat) {
  const [, tick] = useState(0);
  useEffect(() => chat.subscribe(() => tick((n) => n + 1)), [chat]);
  return chat.view();
}

/** The whole widget UI. */
export function App({ chat }: { chat: Chat }) {
  const v = useView(chat);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(v.open);
  useEffect(() => {
    // Closed by Escape, the close button or the JS API while focus was in the panel: give focus back to the launcher
    // (the panel is gone, so focus fell back to the page's body).
    if (wasOpen.current && !v.open && (document.activeElement === document.body || document.activeElement?.id === 'parley-widget')) {
      launcher.current?.focus();
    }
    wasOpen.current = v.open;
  }, [v.open]);
  const toggle = () => {
    // A click is a user gesture: the moment browsers allow audio to start.
    unlockAudio();
    chat.setOpen(!v.open);
  };
  return (
    <div class="p-root">
      {v.open && <Panel v={v} chat={chat} onClose={() => (chat.setOpen(false), launcher.current?.focus())} />}
      <Launcher open={v.open} unread={v.unread} onClick={toggle} btnRef={launcher} />
    </div>
  );
}
