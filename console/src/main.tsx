// Entry point: styles, the session, the app.
import { render } from 'preact';
import { composerCss } from '../../widget/src/components/Composer.css';
import { App } from './App';
import { SessionProvider } from './session';
import './styles.css';
import './styles-workflow.css';
import './styles-pages.css';
import './styles-settings.css';
import './styles-tools.css';
import './styles-outbox.css';
import './styles-text.css';
import './styles-blocks.css';
import './styles-webhooks.css';

// The shared Composer ships its CSS as a string (the widget puts it in a shadow root). Here it is adopted as a
// constructable stylesheet: an inline <style> would break the console's own CSP (style-src 'self', dist/_headers).
const composerSheet = new CSSStyleSheet();
composerSheet.replaceSync(composerCss);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, composerSheet];

render(
  <SessionProvider>
    <App />
  </SessionProvider>,
  document.getElementById('app')!,
);
