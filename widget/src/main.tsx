// Entry point of widget.js: reads the embedding <script>, mounts the widget in a shadow root, installs window.Parley.
import { render } from 'preact';
import { createApi } from './api';
import { installGlobal } from './api-global';
import { Chat } from './chat';
import { App } from './components/App';
import { widgetCss } from './theme.css';

// Captured during the script's top-level evaluation: document.currentScript is null afterwards (and inside callbacks).
const script = document.currentScript as HTMLScriptElement | null;

function boot() {
  const el = script || document.querySelector<HTMLScriptElement>('script[data-site][src*="widget"]');
  const siteKey = el && el.getAttribute('data-site');
  // One widget per page, even if the snippet was pasted twice.
  if (!el || !siteKey || (window as unknown as { Parley?: { loaded?: boolean } }).Parley?.loaded) return;
  // The API lives where the script came from, so the snippet needs no other configuration.
  const origin = new URL(el.src, location.href).origin;
  const chat = new Chat(createApi(origin), siteKey, origin.replace(/^http/, 'ws'));
  installGlobal(chat, () => chat.view().open);
  chat.start();

  const mount = () => {
    const host = document.createElement('div');
    host.id = 'parley-widget';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = widgetCss;
    const root = document.createElement('div');
    shadow.append(style, root);
    document.body.appendChild(host);
    render(<App chat={chat} />, root);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
}

boot();
