// Styles of the panel frame: header, status, notice, lifecycle line; left or right; full screen under 640 px.
// overflow-wrap on the frame: every user text inside (names, file names, URLs) wraps instead of widening it.

/** CSS for .pn and its header. */
export const panelCss = `
.pn{position:fixed;right:20px;bottom:88px;z-index:2147483001;width:380px;height:min(620px,100vh - 112px);min-height:320px;display:flex;flex-direction:column;overflow:hidden;overflow-wrap:anywhere;border-radius:18px;background:var(--parley-bg);box-shadow:0 16px 48px rgba(17,24,39,.22);animation:pp .2s ease-out;outline:0}
:host([data-pos=left]) .pn{right:auto;left:20px}
.hd{flex:none;display:flex;align-items:center;gap:12px;padding:14px 14px 14px 20px;background:var(--parley-accent);color:var(--parley-accent-text)}
.ht{flex:1;min-width:0}
.p-title{margin:0;font-size:16px;font-weight:700;line-height:1.3}
.st{display:flex;align-items:center;gap:6px;margin-top:2px;font-size:12px}
.dt{flex:none;width:8px;height:8px;border-radius:50%;background:#f59e0b;box-shadow:0 0 0 2px rgba(255,255,255,.5)}
.st[data-state=online] .dt{background:#22c55e}
.st[data-state=offline] .dt{background:#9ca3af}
.cl{flex:none;width:36px;height:36px;border:0;border-radius:10px;display:grid;place-items:center;cursor:pointer;color:inherit;background:transparent}
.cl:hover{background:rgba(127,127,127,.2)}
.hd :focus-visible{outline-color:currentColor}
.nt{flex:none;display:flex;gap:8px;padding:10px 14px;font-size:13px;background:#fef3c7;color:#78350f}
.nt span{flex:1}
.lf{flex:none;padding:6px 14px;font-size:12px;text-align:center;color:var(--parley-muted);background:var(--parley-log-bg);border-top:1px solid var(--parley-border)}
.hs{flex:none;margin:8px 12px;padding:7px 12px;border:1px solid var(--parley-border);border-radius:10px;font:inherit;font-size:16px;color:inherit;background:var(--parley-input-bg);outline:0}
.hs:focus{border-color:var(--parley-accent)}
.x{border:0;background:none;color:inherit;font:18px/1 var(--parley-font);cursor:pointer}
.dg::after{content:"";position:absolute;inset:6px;border:2px dashed var(--parley-ring);border-radius:14px;pointer-events:none}
.dz{position:absolute;left:0;right:0;bottom:40%;text-align:center;font-weight:600;pointer-events:none}
@keyframes pp{from{opacity:0;transform:translateY(12px)}}
@media (max-width:640px){.pn,:host([data-pos=left]) .pn{inset:0;width:auto;height:auto;min-height:0;border-radius:0}}
`;
