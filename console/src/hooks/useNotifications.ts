// Turns inbox changes into desktop notifications and sounds, following the agent's preferences,
// skipping the conversation they are looking at, and never twice for the same message.
import { useCallback, useRef } from 'preact/hooks';
import type { Preferences } from '../../../protocol';
import { beep, notificationPermission, showDesktopNotification } from '../realtime/alerts';
import { conversationPath, navigate } from '../router';
import { channels, noticesFor, NoticeGate, type InboxSignal } from '../state/notify';

/** Looking at the tab: visible and focused (a visible tab behind another window is not being read). */
function tabFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Returns the inbox-signal handler to give useInbox. */
export function useNotifications(me: string, openId: string | null, preferences: Preferences) {
  const ctx = useRef({ openId, preferences });
  ctx.current = { openId, preferences };
  const gate = useRef(new NoticeGate());
  return useCallback(
    (signal: InboxSignal) => {
      for (const notice of noticesFor(signal, { me, openId: ctx.current.openId, focused: tabFocused() })) {
        if (!gate.current.pass(notice)) continue;
        const send = channels(ctx.current.preferences, notificationPermission());
        if (send.desktop) showDesktopNotification(notice, (id) => navigate(conversationPath(id)));
        if (send.sound) beep();
      }
    },
    [me],
  );
}
