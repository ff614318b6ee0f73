// widget-app.js: the Preact app, loaded by the loader (widget.js). Creates the chat, applies the config,
// installs the real window.Parley (replaying the queue), and renders the panel into the loader's shadow root.
import { render } from 'preact';
import { createApi } from './api';
import { installGlobal } from './api-global';
import { Chat } from './chat';
import { App } from './components/App';
import { watchAvailability } from './features';
import { setLang } from './i18n';
import type { Boot } from './loader';

/** Entry point called by the loader once this module has loaded. */
export async function start(b: Boot): Promise<void> {
  const chat = new Chat(createApi(b.base), b.site, b.base.replace(/^http/, 'ws'));
  chat.cfg = await b.config;
  await setLang(chat.cfg?.settings.locale, document.documentElement.lang, ...navigator.languages);
  // The styles (widget-app.css) were adopted by the loader before start().
  const root = document.createElement('div');
  b.shadow.append(root);
  // Queued calls first (identify, setLocale...), so that the first session already carries the user.
  installGlobal(chat, b.q);
  chat.start();
  watchAvailability(chat, b.apply);
  render(<App chat={chat} boot={b} />, root);
}
