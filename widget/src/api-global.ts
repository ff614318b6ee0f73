// window.Parley: the page's JS API, in the style of Intercom/Crisp, with a queue for calls made before load.
import type { Chat } from './chat';

type Command = (...args: unknown[]) => unknown;
/** The global function; `q` holds calls made by the embed snippet's stub before the script loaded. */
export type ParleyFn = ((cmd: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

/** Installs window.Parley and replays the queued calls. */
export function installGlobal(chat: Chat, view: () => boolean): void {
  const w = window as unknown as { Parley?: ParleyFn };
  const queued = w.Parley && Array.isArray(w.Parley.q) ? w.Parley.q : [];
  const commands: Record<string, Command> = {
    open: () => chat.setOpen(true),
    close: () => chat.setOpen(false),
    toggle: () => chat.setOpen(!view()),
  };
  const Parley: ParleyFn = (cmd, ...args) => {
    const f = commands[cmd];
    if (f) return f(...args);
    console.warn('[parley] unknown command', cmd);
  };
  Parley.loaded = true;
  w.Parley = Parley;
  for (const call of queued) {
    const [cmd, ...args] = Array.from(call);
    Parley(String(cmd), ...args);
  }
}
