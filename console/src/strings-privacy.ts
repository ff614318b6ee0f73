// User-facing texts of the Data & privacy page (owners and admins): export, a visitor's data, erasure, retention.

/** English UI strings for the Data & privacy page. */
export const privacyStrings = {
  navPrivacy: 'Data & privacy',
  title: 'Data & privacy',
  hint: 'Export your conversations, answer a person who asks for their data or its erasure, and choose how long visitors are kept.',
  forbidden: 'Only owners and admins can export data, erase visitors and change retention.',
  // export
  exportTitle: 'Export conversations',
  exportHint:
    'Conversations with their messages and visitors. JSON Lines is one file (a line per conversation, then a line per message); CSV is two files.',
  site: 'Site',
  allSites: 'All sites',
  from: 'Created from',
  to: 'Created until',
  format: 'Format',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  download: (file: string) => `Download ${file}`,
  progress: (done: number, total: number) => `${done.toLocaleString()} of ${total.toLocaleString()} rows`,
  exportDone: (file: string, rows: number) => `${file}: ${rows.toLocaleString()} rows downloaded.`,
  // a visitor's data
  findTitle: 'A visitor’s data',
  findHint: 'Find a visitor by their email or their visitor id (shown in the conversation’s details).',
  findLabel: 'Email or visitor id',
  find: 'Find',
  noVisitor: 'No visitor with that email or id in this workspace.',
  colVisitor: 'Visitor',
  colSite: 'Site',
  colConversations: 'Conversations',
  colLastSeen: 'Last seen',
  anonymous: 'Anonymous',
  erasedOn: (when: string) => `Erased ${when}`,
  exportData: 'Export their data',
  erase: 'Erase…',
  eraseTitle: 'Erase this visitor',
  eraseWarning:
    'Every message of their conversations (your team’s replies and notes too), their files and their profile are deleted for good. The conversations stay as empty placeholders so your statistics do not change. This cannot be undone.',
  eraseConfirmLabel: (id: string) => `Type ${id} to confirm`,
  eraseConfirm: 'Erase permanently',
  cancel: 'Cancel',
  erased: (n: { conversations: number; messages: number; files: number }) =>
    `Erased: ${n.conversations} conversations, ${n.messages} messages, ${n.files} files.`,
  // retention
  retentionTitle: 'Retention',
  retentionHint:
    'Erase visitors with no activity for a number of months, checked every hour. Off keeps them until you erase them.',
  off: 'Off',
  months: (n: number) => (n === 1 ? '1 month' : `${n} months`),
  lastRun: (when: string, erased: number) => `Last run ${when}: ${erased} erased`,
  save: 'Save',
  saved: 'Saved',
} as const;
