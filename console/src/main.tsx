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

// The shared Composer ships its CSS as a string (the widget puts it in a shadow root); here it goes in <head>.
const composerStyle = document.createElement('style');
composerStyle.textContent = composerCss;
document.head.appendChild(composerStyle);

render(
  <SessionProvider>
    <App />
  </SessionProvider>,
  document.getElementById('app')!,
);
