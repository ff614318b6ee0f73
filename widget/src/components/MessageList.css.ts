// Styles of the message log and bubbles. Long words wrap by overflow-wrap inherited from the panel (.pn).

/** CSS for .lg, .m and friends. */
export const messageListCss = `
.lg{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;display:flex;flex-direction:column;gap:2px;background:var(--parley-log-bg)}
.p-greeting{margin:auto 0 8px;align-self:flex-start;max-width:85%;padding:12px 14px;border-radius:16px 16px 16px 4px;background:var(--parley-agent-bg);box-shadow:0 1px 2px rgba(17,24,39,.06)}
.m{display:flex;flex-direction:column;max-width:80%;margin-top:8px;animation:fi .18s ease-out}
.visitor{align-self:flex-end;align-items:flex-end}
.agent{align-self:flex-start;align-items:flex-start}
.system{align-self:center;align-items:center;max-width:90%}
.nm{font-size:12px;font-weight:600;color:var(--parley-muted);margin:0 0 3px 10px}
.b{padding:9px 13px;border-radius:18px;white-space:pre-wrap}
.visitor .b{background:var(--parley-accent);color:var(--parley-accent-text);border-bottom-right-radius:5px}
.agent .b{background:var(--parley-agent-bg);border-bottom-left-radius:5px;box-shadow:0 1px 2px rgba(17,24,39,.06)}
.system .b{padding:2px 8px;font-size:12px;color:var(--parley-muted);text-align:center}
.sending .b{opacity:.85}
.failed .b{background:#fee2e2;color:#991b1b}
.del .b{font-style:italic;color:var(--parley-muted);background:none;box-shadow:none;border:1px dashed var(--parley-border)}
.b pre,.b ul,.b ol{margin:4px 0;white-space:pre-wrap}
.b ul,.b ol{padding-left:20px}
.b code,.b pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:rgba(127,127,127,.16);border-radius:4px}
.b code{padding:1px 4px}
.b pre{padding:6px 8px;overflow-x:auto}
.b a{color:inherit;text-decoration:underline}
.fl{display:block;margin-top:4px;color:inherit;text-decoration:underline}
.mt{font-size:11px;color:var(--parley-muted);margin:3px 8px 0;display:flex;align-items:center;gap:2px}
.system .mt{display:none}
.failed .sta{font-weight:600}
.rt{margin-left:6px;padding:0;border:0;background:none;font:600 11px var(--parley-font);color:inherit;cursor:pointer;text-decoration:underline}
.ol{align-self:center;margin-bottom:8px;padding:4px 12px;border:1px solid var(--parley-border);border-radius:999px;background:var(--parley-bg);font:12px var(--parley-font);color:var(--parley-text);cursor:pointer}
.cv{display:flex;flex-direction:column;gap:2px;margin-bottom:6px;padding:8px 12px;border:1px solid var(--parley-border);border-radius:10px;background:var(--parley-bg);font:13px var(--parley-font);color:var(--parley-text);text-align:start;cursor:pointer}
.cv[aria-current=true]{border-color:var(--parley-accent)}
.cv time{font-size:11px;color:var(--parley-muted)}
.ty{display:flex;align-items:center;gap:8px;margin:10px 4px 0;font-size:12px;color:var(--parley-muted)}
.ds{display:inline-flex;gap:3px;padding:8px 10px;border-radius:12px;background:var(--parley-agent-bg)}
.ds i{width:5px;height:5px;border-radius:50%;background:var(--parley-muted);animation:bk 1.2s infinite}
.ds i+i{animation-delay:.2s}
.ds i+i+i{animation-delay:.4s}
@keyframes fi{from{opacity:0;transform:translateY(6px)}}
@keyframes bk{0%,80%,to{opacity:.3}40%{opacity:1}}
`;
