// User-facing texts of the developer pages (the email outbox).

/** English strings of the outbox page. */
export const devStrings = {
  navOutbox: 'Outbox',
  outboxTitle: 'Email outbox',
  outboxHint:
    'Mail the local email provider kept instead of sending: replies to visitors, transcripts, offline-message alerts. Refreshes every 5 seconds.',
  outboxEmpty: 'No emails yet',
  outboxForbidden: 'Only owners and admins can see the outbox.',
  pickEmail: 'Select an email to read it.',
  from: 'From',
  to: 'To',
  replyTo: 'Reply-To',
  date: 'Date',
  showText: 'Show plain text',
  showHtml: 'Show HTML',
  links: 'Links in this email',
  noLinks: 'No links',
  htmlFrame: (subject: string) => `Email: ${subject}`,
  noSubject: '(no subject)',
} as const;
