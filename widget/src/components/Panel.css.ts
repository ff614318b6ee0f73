// Styles of the panel frame: header, status dot, notice, lifecycle line; full screen on small screens.

/** CSS for .p-panel and its header. */
export const panelCss = `
.p-panel{position:fixed;right:20px;bottom:88px;z-index:2147483001;width:380px;height:min(620px,calc(100vh - 112px));min-height:320px;display:flex;flex-direction:column;overflow:hidden;border-radius:var(--parley-radius);background:var(--parley-bg);box-shadow:0 16px 48px rgba(17,24,39,.22),0 2px 8px rgba(17,24,39,.08);animation:p-pop .2s ease-out;transform-origin:bottom right}
.p-head{flex:none;display:flex;align-items:center;gap:12px;padding:16px 14px 16px 20px;background:var(--parley-accent);color:var(--parley-accent-text)}
.p-head-text{flex:1;min-width:0}
.p-title{font-size:16px;font-weight:700;line-height:1.3}
.p-status{display:flex;align-items:center;gap:6px;margin-top:2px;font-size:12px;opacity:.9}
.p-dot{width:8px;height:8px;border-radius:50%;background:#f59e0b;box-shadow:0 0 0 2px rgba(255,255,255,.35)}
.p-status[data-state=online] .p-dot{background:#22c55e}
.p-status[data-state=offline] .p-dot{background:#9ca3af}
.p-status span{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.p-close{flex:none;width:36px;height:36px;border:0;border-radius:10px;display:grid;place-items:center;cursor:pointer;color:inherit;background:transparent;transition:background .15s}
.p-close:hover{background:rgba(255,255,255,.16)}
.p-close:focus-visible{outline:2px solid var(--parley-accent-text);outline-offset:-2px}
.p-notice{flex:none;display:flex;align-items:flex-start;gap:8px;padding:10px 14px;font-size:13px;background:#fef3c7;color:#92400e;border-bottom:1px solid #fde68a}
.p-notice span{flex:1}
.p-life{flex:none;padding:6px 14px;font-size:12px;text-align:center;color:var(--parley-muted);background:var(--parley-log-bg);border-top:1px solid var(--parley-border)}
.p-x{border:0;background:none;color:inherit;font:18px/1 var(--parley-font);cursor:pointer;padding:0 2px}
@keyframes p-pop{from{opacity:0;transform:translateY(12px) scale(.98)}}
@media (max-width:640px){.p-panel{inset:0;width:auto;height:auto;min-height:0;border-radius:0}}
`;
