// Styles of the launcher button and its badge.

/** CSS for .p-launcher and .p-badge. */
export const launcherCss = `
.p-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;padding:0;display:grid;place-items:center;cursor:pointer;color:var(--parley-accent-text);background:var(--parley-accent);box-shadow:0 6px 20px rgba(17,24,39,.25),0 2px 6px rgba(17,24,39,.15);transition:transform .2s ease,box-shadow .2s ease}
.p-launcher:hover{transform:scale(1.06);box-shadow:0 10px 28px rgba(17,24,39,.3),0 2px 6px rgba(17,24,39,.15)}
.p-launcher:focus-visible{outline:3px solid var(--parley-accent);outline-offset:3px}
.p-badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;border:2px solid #fff;background:#ef4444;color:#fff;font:700 11px/18px var(--parley-font);text-align:center}
`;
