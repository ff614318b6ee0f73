// Styles the loader needs before the app arrives: host isolation, theme variables (light and dark), the launcher.
// Any host rule matching #parley-widget (`* {…}`) beats `:host`, so inherited text properties would reach the
// shadow tree: the widget's top-level elements (.p-launcher here, .p-root in theme.css.ts) reset them with all:initial.

/** CSS of the shadow root's first stylesheet: theme custom properties and the launcher button. */
export const loaderCss = `
:host{--parley-accent:#4f46e5;--parley-accent-text:#fff;--parley-bg:#fff;--parley-log-bg:#f8fafc;--parley-agent-bg:#fff;--parley-input-bg:#f1f5f9;--parley-text:#111827;--parley-muted:#4b5563;--parley-border:#e5e7eb;--parley-ring:#1d4ed8;--parley-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:host{--parley-bg:#111827;--parley-log-bg:#0b1220;--parley-agent-bg:#1f2937;--parley-input-bg:#1f2937;--parley-text:#f3f4f6;--parley-muted:#cbd5e1;--parley-border:#374151;--parley-ring:#93c5fd}}
*,*::before,*::after{box-sizing:border-box}
.p-launcher{all:initial;direction:ltr;box-sizing:border-box;position:fixed;right:20px;bottom:20px;z-index:2147483000;min-width:56px;height:56px;border:0;border-radius:28px;padding:0 16px;display:flex;align-items:center;justify-content:center;gap:8px;cursor:pointer;font:600 15px var(--parley-font);color:var(--parley-accent-text);background:var(--parley-accent);box-shadow:0 6px 20px rgba(17,24,39,.25);transition:transform .2s}
:host([data-pos=left]) .p-launcher{right:auto;left:20px}
.p-launcher:hover{transform:scale(1.05)}
.p-launcher:focus-visible{outline:3px solid var(--parley-ring);outline-offset:3px}
.p-launcher[hidden],.lt:empty,.on .lt,.on .ic,.p-launcher:not(.on) .ix{display:none}
.bg{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;border:2px solid #fff;background:#dc2626;color:#fff;font:700 11px/18px var(--parley-font);text-align:center}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}}
`;
