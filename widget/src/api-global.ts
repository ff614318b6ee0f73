/**
 * window.Parley: the page's JS API, in the style of Intercom and Crisp, with a queue so that calls made before
 * the widget loaded are kept and replayed in order.
 *
 * Snippet (paste before the widget's script tag; calls made before load are queued in Parley.q):
 *
 *   <script>window.Parley = window.Parley || function(){(Parley.q=Parley.q||[]).push(arguments)}</script>
 *   <script src="https://YOUR-PARLEY/widget.js" data-site="SITE_KEY" async></script>
 *
 * Commands:
 *   Parley('identify', {userId, userHash, email?, name?})  verified user; userHash = hex HMAC-SHA256(userId, site secret),
 *                                                           computed on your server. The session is (re)created as that user.
 *   Parley('open') / Parley('close') / Parley('toggle')     the panel
 *   Parley('hide') / Parley('show')                         the whole widget (button and panel)
 *   Parley('reset')                                         forget the visitor (call on logout): token, outbox, socket
 *   Parley('setLocale', 'es')                               en, es, fr, de, pt or zh
 *   Parley('on', event, cb)                                 returns an unsubscribe function once loaded. Events:
 *       'ready'   the widget has loaded
 *       'open' / 'close'
 *       'message' an agent's message: cb({id, body, sender: {type, name}, createdAt})
 *       'unread'  the unread count changed: cb(count)
 */
import type { Chat } from './chat';
import type { Events } from './events';
import { setLang } from './i18n';

type Command = (...args: unknown[]) => unknown;
/** The global function; `q` holds calls made by the embed snippet's stub (or the loader) before the app loaded. */
export type ParleyFn = ((cmd: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

/** Runs queued calls in order through `run`; one failing call does not stop the others. */
export function replay(queue: ArrayLike<ArrayLike<unknown>>, run: (cmd: string, ...args: unknown[]) => unknown): void {
  for (const call of Array.from(queue)) {
    const [cmd, ...args] = Array.from(call);
    try {
      run(String(cmd), ...args);
    } catch (e) {
      console.error('[parley]', e);
    }
  }
}

/** The command table of a chat. */
export function commands(chat: Chat): Record<string, Command> {
  return {
    identify: (u) => chat.identify(u as Parameters<Chat['identify']>[0]),
    open: () => chat.open(true),
    close: () => chat.open(false),
    toggle: () => chat.open(),
    hide: () => chat.hide(true),
    show: () => chat.hide(false),
    reset: () => chat.reset(),
    setLocale: (l) => setLang(l).then((ok) => (ok ? chat.refresh() : console.warn('[parley] unknown locale', l))),
    on: (name, cb) => (typeof cb === 'function' ? chat.events.on(name as keyof Events, cb as never) : undefined),
  };
}

/** Installs window.Parley, replays the queued calls, then emits `ready`. */
export function installGlobal(chat: Chat, queue: ArrayLike<unknown>[]): void {
  const table = commands(chat);
  const Parley: ParleyFn = (cmd, ...args) => {
    const f = table[cmd];
    if (f) return f(...args);
    console.warn('[parley] unknown command', cmd);
  };
  Parley.loaded = true;
  (window as unknown as { Parley: ParleyFn }).Parley = Parley;
  replay(queue, Parley);
  queue.length = 0;
  chat.events.emit('ready');
}
