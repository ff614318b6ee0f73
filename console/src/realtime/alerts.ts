// Side effects of notifications: the desktop Notification, a short WebAudio beep, and the test hooks.
import type { Notice } from '../state/notify';

declare global {
  interface Window {
    /** Test hook: every desktop notification shown, in order ({title, body}); read by the end-to-end tests. */
    __parleyNotifications?: { title: string; body: string }[];
    /** Test hook: how many notification sounds were played. */
    __parleySounds?: number;
  }
}

/** The browser's permission for desktop notifications, or 'unsupported'. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks for the permission; only ever called from a click (browsers ignore or penalise asking on load). */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a desktop notification that focuses this tab and opens the conversation when clicked. */
export function showDesktopNotification(notice: Notice, open: (conversationId: string) => void): void {
  try {
    // The tag makes a burst of messages in one conversation replace each other instead of piling up.
    const notification = new Notification(notice.title, { body: notice.body, tag: `parley-${notice.conversationId}` });
    notification.onclick = () => {
      window.focus();
      open(notice.conversationId);
      notification.close();
    };
    (window.__parleyNotifications ??= []).push({ title: notice.title, body: notice.body });
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker: skip silently.
  }
}

let audio: AudioContext | null = null;

// Browsers start an AudioContext suspended until the user interacts with the page: create it on the first click or key.
function unlockAudio(): void {
  audio ??= new AudioContext();
  void audio.resume().catch(() => {});
}
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', unlockAudio, { once: true, capture: true });
  window.addEventListener('keydown', unlockAudio, { once: true, capture: true });
}

/** A soft two-tone beep (~0.25 s). */
export function beep(): void {
  window.__parleySounds = (window.__parleySounds ?? 0) + 1;
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.15, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.25);
    const osc = audio.createOscillator();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, now);
    osc.frequency.setValueAtTime(1175, now + 0.1);
    osc.connect(gain);
    osc.start(now);
    osc.stop(now + 0.26);
  } catch {
    // No audio device or no WebAudio: the other channels still tell the agent.
  }
}
