// widget-app.js: the Preact app, loaded by the loader (widget.js). Creates the chat, installs the real window.Parley
// (replaying the queue), and renders the panel into the loader's shadow root again after every change of the chat.
import { render } from 'preact';
import { installGlobal } from './api-global';
import { createChat } from './chat';
import { App } from './components/App';
import { setLang } from './i18n';
import type { Boot } from './boot';

/** Entry point called by the loader once this module has loaded. */
export async function start(b: Boot): Promise<void> {
  const cfg = await b.config;
  const chat = createChat(b.base, b.site, cfg, b.apply, b.cont);
  await setLang(cfg?.settings.locale, document.documentElement.lang, ...navigator.languages);
  // The styles (widget-app.css) were adopted by the loader before start().
  const root = document.createElement('div');
  b.shadow.append(root);
  // Queued calls first (identify, setLocale...), so that the first session already carries the user.
  installGlobal(chat, b.q);
  // Changes come in bursts (a boot changes five things): one render per burst, as preact batches setState.
  let due = false;
  const paint = () => {
    due = false;
    render(<App v={chat.view()} a={chat} boot={b} />, root);
  };
  chat.subscribe(() => due || ((due = true), queueMicrotask(paint)));
  paint();
  void chat.start();
}
