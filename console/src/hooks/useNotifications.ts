// Turns site-socket events into desktop notifications and sounds, following the agent's preferences
// and skipping the conversation they are looking at.
import { useCallback, useRef } from 'preact/hooks';
import type { Preferences, SiteServerFrame } from '../../../worker/src/protocol';
import { beep, notificationPermission, showDesktopNotification } from '../realtime/alerts';
import { conversationPath, navigate } from '../router';
import { channels, noticeFor } from '../state/notify';

/** Looking at the tab: visible and focused (a visible tab behind another window is not being read). */
function tabFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Returns the site-frame handler to give useInbox. */
export function useNotifications(me: string, openId: string | null, preferences: Preferences) {
  const ctx = useRef({ openId, preferences });
  ctx.current = { openId, preferences };
  return useCallback(
    (frame: SiteServerFrame) => {
      const notice = noticeFor(frame, { me, openId: ctx.current.openId, focused: tabFocused() });
      if (!notice) return;
      const send = channels(ctx.current.preferences, notificationPermission());
      if (send.desktop) showDesktopNotification(notice, (id) => navigate(conversationPath(id)));
      if (send.sound) beep();
    },
    [me],
  );
}
