// Default styles of the Composer (shared by the widget and the console); themed through --parley-* custom properties.

/** CSS for the .pc-* classes of Composer. */
export const composerCss = `
.pc-composer{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid var(--parley-border,#e5e7eb);background:var(--parley-bg,#fff)}
.pc-input{flex:1;min-width:0;resize:none;border:1px solid transparent;border-radius:12px;padding:9px 12px;margin:0;font:inherit;line-height:20px;color:inherit;background:var(--parley-input-bg,#f3f4f6);outline:none;max-height:120px;overflow-y:hidden;transition:border-color .15s,background .15s}
.pc-input:focus{border-color:var(--parley-accent,#4f46e5);background:var(--parley-bg,#fff)}
.pc-input::placeholder{color:var(--parley-muted,#6b7280)}
.pc-send{flex:none;width:40px;height:40px;border:0;border-radius:50%;display:grid;place-items:center;cursor:pointer;color:var(--parley-accent-text,#fff);background:var(--parley-accent,#4f46e5);transition:opacity .15s,transform .15s}
.pc-send:disabled{opacity:.4;cursor:default}
.pc-send:not(:disabled):hover{transform:scale(1.06)}
.pc-send:focus-visible{outline:2px solid var(--parley-accent,#4f46e5);outline-offset:2px}
.pc-count{align-self:center;font-size:11px;color:var(--parley-muted,#6b7280)}
.pc-count.pc-over{color:#dc2626}
`;
