// Styles of the help center, adopted into the widget's shadow root when its chunk loads (not in widget-app.css).

/** CSS for the .hc (results and article) and .hg (suggestions) blocks. */
export const helpCss = `
.hc{flex:1;min-height:0;overflow:auto;padding:12px 16px;background:var(--parley-log-bg);border-top:1px solid var(--parley-border)}
.hc h2{margin:4px 0 8px;font-size:16px;line-height:1.3}
.hc h3{margin:0 0 6px;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--parley-muted)}
.hc ul.hl{list-style:none;margin:0 0 12px;padding:0}
.hl button,.hg button{display:block;width:100%;text-align:left;border:1px solid var(--parley-border);border-radius:10px;background:var(--parley-bg);color:inherit;font:inherit;padding:8px 12px;margin:0 0 6px;cursor:pointer}
.hl button:hover,.hg button:hover{border-color:var(--parley-accent)}
.hl b{display:block;font-weight:600}
.hl small{display:block;margin-top:2px;font-size:12px;color:var(--parley-muted)}
.hb{border:0;background:none;color:var(--parley-accent);font:inherit;font-weight:600;padding:4px 0;cursor:pointer}
.ha{line-height:1.55}
.ha a{color:var(--parley-accent)}
.ha img{max-width:100%;height:auto}
.ha pre{overflow:auto;padding:8px;border-radius:8px;background:var(--parley-input-bg)}
.ha code{font-size:.92em}
.ha table{border-collapse:collapse}
.ha td,.ha th{border:1px solid var(--parley-border);padding:4px 6px}
.ha blockquote{margin:8px 0;padding-left:10px;border-left:3px solid var(--parley-border)}
.hx{display:block;width:100%;margin:12px 0 4px;padding:10px;border:0;border-radius:10px;font:inherit;font-weight:600;cursor:pointer;color:var(--parley-accent-text);background:var(--parley-accent)}
.hm{color:var(--parley-muted)}
.hg{flex:none;padding:8px 12px 0;border-top:1px solid var(--parley-border);background:var(--parley-bg)}
.hg p{margin:0 0 6px;font-size:12px;color:var(--parley-muted)}
.hg button{padding:6px 10px;font-size:13px}
`;
