// Text into HTML (emails, the knowledge base's article pages): every character that could open markup or end an
// attribute becomes a numeric reference, so what a user typed is shown as text and never read as HTML.

/** `s` with & < > " ' written as numeric character references; safe in element content and quoted attributes. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
