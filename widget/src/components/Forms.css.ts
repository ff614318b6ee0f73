// Styles of the forms (pre-chat, offline, rating), the attach button and the upload progress.

/** CSS for .p-form, .p-csat, .p-attach, .p-upload. */
export const formsCss = `
.p-form,.p-csat{flex:none;display:flex;flex-direction:column;gap:10px;padding:14px 16px;border-top:1px solid var(--parley-border);background:var(--parley-bg)}
.p-form p,.p-csat p,.p-sent{margin:0}
.p-sent{padding:14px 16px;border-top:1px solid var(--parley-border);font-weight:600}
.p-field{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:600}
.p-field small{font-weight:400;color:var(--parley-muted)}
.p-field input,.p-field textarea,.p-csat textarea{font:16px var(--parley-font);padding:8px 10px;border:1px solid var(--parley-muted);border-radius:10px;color:var(--parley-text);background:var(--parley-bg);resize:vertical}
.p-err{font-style:normal;font-weight:400;color:#b91c1c}
@media (prefers-color-scheme:dark){.p-err{color:#fca5a5}}
.p-primary{align-self:flex-start;padding:9px 16px;border:0;border-radius:10px;cursor:pointer;font-weight:600;color:var(--parley-accent-text);background:var(--parley-accent)}
.p-primary:disabled{opacity:.6}
.p-stars{display:flex;gap:4px}
.p-star{width:40px;height:40px;border:1px solid var(--parley-border);border-radius:10px;background:var(--parley-bg);color:var(--parley-text);font-size:22px;cursor:pointer}
.p-star[aria-pressed=true]{border-color:var(--parley-text)}
.p-attach{flex:none;width:40px;height:40px;border:0;border-radius:50%;display:grid;place-items:center;cursor:pointer;color:var(--parley-muted);background:none}
.p-upload{flex:none;display:flex;align-items:center;gap:8px;padding:6px 14px;font-size:12px;color:var(--parley-muted)}
.p-upload span{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.p-img{display:block;max-width:100%;max-height:240px;border-radius:10px}
`;
