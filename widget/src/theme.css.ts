// The app's styles, served as dist/widget-app.css (the loader's stylesheet already holds the theme variables and the launcher).
import { composerCss } from './components/Composer.css';
import { messageListCss } from './components/MessageList.css';
import { panelCss } from './components/Panel.css';
import { formsCss } from './components/Forms.css';

// all:initial first: nothing inherited from the host page (see loader.css.ts); then the widget's own text settings.
const base = `
.p-root{all:initial;direction:ltr;font:14px/1.45 var(--parley-font);color:var(--parley-text);-webkit-font-smoothing:antialiased}
button{font-family:inherit}
:focus-visible{outline:2px solid var(--parley-ring);outline-offset:2px}
`;

// After the shared composer's CSS: 16px stops iOS Safari from zooming into the textarea on focus.
const overrides = `.pc-input{font-size:16px}
.pc-composer{position:relative}
.ep{position:absolute;bottom:100%;left:8px;right:8px;display:grid;grid-template-columns:repeat(8,1fr);gap:2px;padding:6px;max-height:168px;overflow-y:auto;background:var(--parley-bg);border:1px solid var(--parley-border);border-radius:12px;box-shadow:0 4px 16px rgba(17,24,39,.12)}
.ep button{border:0;border-radius:6px;padding:4px 0;background:none;font-size:20px;line-height:1.2;cursor:pointer}
.ep button:hover,.ep button:focus-visible{background:var(--parley-agent-bg)}`;

/** Every stylesheet of the app, injected once into the shadow root. */
export const widgetCss = base + panelCss + messageListCss + composerCss + formsCss + overrides;
