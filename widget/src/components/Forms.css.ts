// Styles of the forms (pre-chat, offline, rating), the attach button and the upload progress.

/** CSS for .fm, .cs, .at, .up. */
export const formsCss = `
.fm,.cs,.ok{flex:none;display:flex;flex-direction:column;gap:10px;padding:14px 16px;border-top:1px solid var(--parley-border);background:var(--parley-bg)}
.fm p,.cs p,.ok{margin:0}
.ok{font-weight:600}
.fd{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:600}
.fd small{font-weight:400;color:var(--parley-muted)}
.fd input,.fd textarea,.cs textarea{font:16px var(--parley-font);padding:8px 10px;border:1px solid var(--parley-muted);border-radius:10px;color:var(--parley-text);background:var(--parley-bg);resize:vertical}
.er{font-style:normal;font-weight:400;color:#b91c1c}
@media (prefers-color-scheme:dark){.er{color:#fca5a5}}
.pr{align-self:flex-start;padding:9px 16px;border:0;border-radius:10px;cursor:pointer;font-weight:600;color:var(--parley-accent-text);background:var(--parley-accent)}
.pr:disabled{opacity:.6}
.ss{display:flex;gap:4px}
.sr{width:40px;height:40px;border:1px solid var(--parley-border);border-radius:10px;background:var(--parley-bg);color:var(--parley-text);font-size:22px;cursor:pointer}
.sr[aria-pressed=true]{border-color:var(--parley-text)}
.at{flex:none;width:40px;height:40px;border:0;border-radius:50%;display:grid;place-items:center;cursor:pointer;color:var(--parley-muted);background:none}
.up{flex:none;display:flex;align-items:center;gap:8px;padding:6px 14px;font-size:12px;color:var(--parley-muted)}
.up span{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.im{display:block;max-width:100%;max-height:240px;border-radius:10px}
`;
