// Host-level styles: isolation from the page (all: initial) and the theme's custom properties.
import { composerCss } from './components/Composer.css';
import { launcherCss } from './components/Launcher.css';
import { messageListCss } from './components/MessageList.css';
import { panelCss } from './components/Panel.css';

const themeCss = `
:host{all:initial;--parley-accent:#4f46e5;--parley-accent-text:#fff;--parley-bg:#fff;--parley-log-bg:#f8fafc;--parley-agent-bg:#fff;--parley-input-bg:#f1f5f9;--parley-text:#111827;--parley-muted:#6b7280;--parley-border:#e5e7eb;--parley-radius:18px;--parley-font:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*,*::before,*::after{box-sizing:border-box}
.p-root{font:14px/1.45 var(--parley-font);color:var(--parley-text);-webkit-font-smoothing:antialiased;text-align:left}
button{font-family:inherit}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}}
`;

/** Every stylesheet of the widget, injected once into the shadow root. */
export const widgetCss = themeCss + launcherCss + panelCss + messageListCss + composerCss;
