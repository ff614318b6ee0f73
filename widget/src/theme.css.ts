// The app's styles (the loader's <style> already holds the theme variables and the launcher).
import { composerCss } from './components/Composer.css';
import { messageListCss } from './components/MessageList.css';
import { panelCss } from './components/Panel.css';
import { formsCss } from './components/Forms.css';

const base = `
.p-root{font:14px/1.45 var(--parley-font);color:var(--parley-text);-webkit-font-smoothing:antialiased;text-align:left}
button{font-family:inherit}
:focus-visible{outline:2px solid var(--parley-ring);outline-offset:2px}
`;

// After the shared composer's CSS: 16px stops iOS Safari from zooming into the textarea on focus.
const overrides = `.pc-input{font-size:16px}`;

/** Every stylesheet of the app, injected once into the shadow root. */
export const widgetCss = base + panelCss + messageListCss + composerCss + formsCss + overrides;
