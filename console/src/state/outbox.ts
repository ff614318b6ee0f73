// Pure helpers of the outbox page: the links of a plain-text email, and which email is shown.
import type { OutboxEmail } from '../api-dev';

// Stops at whitespace and at characters that delimit URLs in prose or markup.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a URL ("see https://x.test/a.") is not part of it.
const TRAILING = /[.,;:!?]+$/;

/** The http(s) URLs in a plain-text body, in order of appearance, without duplicates. */
export function extractLinks(text: string): string[] {
  const links: string[] = [];
  for (const match of text.match(URL_PATTERN) ?? []) {
    let url = match.replace(TRAILING, '');
    // A closing bracket belongs to the URL only when it opened one ("(see https://x.test/a)").
    while (/[)\]]$/.test(url) && count(url, url.endsWith(')') ? '(' : '[') < count(url, url.slice(-1))) {
      url = url.slice(0, -1).replace(TRAILING, '');
    }
    if (!links.includes(url)) links.push(url);
  }
  return links;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** The email to show: the selected one while it is still listed, else none. */
export function selectedEmail(emails: readonly OutboxEmail[], id: string | null): OutboxEmail | null {
  return (id && emails.find((e) => e.id === id)) || null;
}
