import type { VisitorMessage } from '../../../protocol';
import { formatHtml } from './format';
import { escapeHtml } from '../lib/html';

// Emails to visitors are built from the visitor view only (docs/protocol.md): no ids, no notes.
type Message = VisitorMessage;

const who = (m: Message) =>
  m.sender.type === 'agent' ? (m.sender.name ?? 'Support') : m.sender.type === 'visitor' ? 'You' : '';

function layout(
  site: string,
  intro: string,
  messages: Message[],
  links: { label: string; href: string }[],
  footer: string,
) {
  const rows = messages
    .map(
      (m) =>
        `<tr><td style="padding:8px 0"><strong>${escapeHtml(who(m))}</strong><br>${m.kind === 'file' ? escapeHtml(`[file] ${m.file?.name ?? m.body}`) : formatHtml(m.body)}</td></tr>`,
    )
    .join('');
  const buttons = links
    .map((l) => `<p><a href="${escapeHtml(l.href)}" style="color:#4338ca">${escapeHtml(l.label)}</a></p>`)
    .join('');
  return `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1f2937;max-width:36rem">
<p>${escapeHtml(intro)}</p><table role="presentation" style="width:100%">${rows}</table>${buttons}
<p style="color:#6b7280;font-size:12px">${escapeHtml(footer)} — ${escapeHtml(site)}</p></body></html>`;
}

const textOf = (intro: string, messages: Message[], links: { label: string; href: string }[], footer: string) =>
  [
    intro,
    '',
    ...messages.map((m) => `${who(m)}: ${m.kind === 'file' ? `[file] ${m.file?.name ?? m.body}` : m.body}`),
    '',
    ...links.map((l) => `${l.label}: ${l.href}`),
    '',
    footer,
  ].join('\n');

/** "You have unread replies": the agent messages the visitor has not read, a link back, a way out. */
export function unreadRepliesEmail(site: string, messages: Message[], continueUrl: string, unsubscribeUrl: string) {
  const intro =
    messages.length === 1
      ? `You have a new reply from ${site}.`
      : `You have ${messages.length} new replies from ${site}.`;
  const links = [
    { label: 'Continue the conversation', href: continueUrl },
    { label: 'Unsubscribe from these emails', href: unsubscribeUrl },
  ];
  const footer = 'Reply to this email to answer.';
  return {
    subject: `New reply from ${site}`,
    text: textOf(intro, messages, links, footer),
    html: layout(site, intro, messages, links, footer),
  };
}

/** The link the visitor asked for in the widget, to continue the conversation on another device. */
export function continueLinkEmail(site: string, continueUrl: string, unsubscribeUrl: string) {
  const intro = `Open this link on any device to continue your conversation with ${site}. It works for 7 days.`;
  const links = [
    { label: 'Continue the conversation', href: continueUrl },
    { label: 'Unsubscribe from these emails', href: unsubscribeUrl },
  ];
  const footer = 'You asked for this link in the chat. If you did not, ignore this email.';
  return {
    subject: `Continue your conversation with ${site}`,
    text: textOf(intro, [], links, footer),
    html: layout(site, intro, [], links, footer),
  };
}

/** The whole conversation, for the visitor's records. */
export function transcriptEmail(site: string, messages: Message[], unsubscribeUrl: string) {
  const intro = `Here is your conversation with ${site}.`;
  const links = [{ label: 'Unsubscribe from these emails', href: unsubscribeUrl }];
  return {
    subject: `Your conversation with ${site}`,
    text: textOf(intro, messages, links, ''),
    html: layout(site, intro, messages, links, ''),
  };
}

/** A visitor left a message while nobody was online: tell the site's agents. */
export function offlineMessageEmail(site: string, from: string, message: string, consoleUrl: string) {
  const intro = `${from} left a message on ${site} while nobody was online.`;
  const fake: Message = { id: '', seq: 0, sender: { type: 'system' }, kind: 'text', body: message, createdAt: '' };
  const links = [{ label: 'Open it in the console', href: consoleUrl }];
  return {
    subject: `New message from ${from}`,
    text: textOf(intro, [fake], links, ''),
    html: layout(site, intro, [fake], links, ''),
  };
}
