// Styles of the message log and bubbles.

/** CSS for .p-log, .p-msg and friends. */
export const messageListCss = `
.p-log{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;display:flex;flex-direction:column;gap:2px;background:var(--parley-log-bg)}
.p-greeting{margin:auto 0 8px;align-self:flex-start;max-width:85%;padding:12px 14px;border-radius:16px 16px 16px 4px;background:var(--parley-agent-bg);color:var(--parley-text);box-shadow:0 1px 2px rgba(17,24,39,.06)}
.p-msg{display:flex;flex-direction:column;max-width:80%;margin-top:8px;animation:p-in .18s ease-out}
.p-msg.p-visitor{align-self:flex-end;align-items:flex-end}
.p-msg.p-agent{align-self:flex-start;align-items:flex-start}
.p-msg.p-system{align-self:center;align-items:center;max-width:90%}
.p-name{font-size:12px;font-weight:600;color:var(--parley-muted);margin:0 0 3px 10px}
.p-bubble{padding:9px 13px;border-radius:18px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.p-visitor .p-bubble{background:var(--parley-accent);color:var(--parley-accent-text);border-bottom-right-radius:5px}
.p-agent .p-bubble{background:var(--parley-agent-bg);color:var(--parley-text);border-bottom-left-radius:5px;box-shadow:0 1px 2px rgba(17,24,39,.06)}
.p-system .p-bubble{padding:2px 8px;font-size:12px;color:var(--parley-muted);text-align:center}
.p-visitor.p-sending .p-bubble{opacity:.85}
.p-visitor.p-failed .p-bubble{background:#fee2e2;color:#991b1b}
.p-file{display:block;margin-top:4px;color:inherit;text-decoration:underline}
.p-meta{font-size:11px;color:var(--parley-muted);margin:3px 8px 0;display:flex;align-items:center;gap:2px}
.p-system .p-meta{display:none}
.p-failed .p-state{font-weight:600}
.p-retry{margin-left:6px;padding:0;border:0;background:none;font:600 11px var(--parley-font);color:inherit;cursor:pointer;text-decoration:underline}
.p-older{align-self:center;margin-bottom:8px;padding:4px 12px;border:1px solid var(--parley-border);border-radius:999px;background:var(--parley-bg);font:12px var(--parley-font);color:var(--parley-text);cursor:pointer}
.p-typing{display:flex;align-items:center;gap:8px;margin:10px 4px 0;font-size:12px;color:var(--parley-muted)}
.p-dots{display:inline-flex;gap:3px;padding:8px 10px;border-radius:12px;background:var(--parley-agent-bg)}
.p-dots i{width:5px;height:5px;border-radius:50%;background:var(--parley-muted);animation:p-blink 1.2s infinite}
.p-dots i:nth-child(2){animation-delay:.2s}
.p-dots i:nth-child(3){animation-delay:.4s}
@keyframes p-in{from{opacity:0;transform:translateY(6px)}}
@keyframes p-blink{0%,80%,100%{opacity:.3}40%{opacity:1}}
`;
