// User-facing texts of blocking: the conversation view's "Block this visitor" and the Blocked page.
import type { BlockKind } from '../../protocol';

/** English UI strings for the block list. */
export const blockStrings = {
  navBlocked: 'Blocked',
  ipAddress: 'IP address',
  // the conversation view
  blockSection: 'Blocking',
  blockVisitor: 'Block this visitor',
  blockHint:
    'They will see "Chat is unavailable" and nothing they send is kept. You can lift the block on the Blocked page.',
  reason: 'Reason for the block',
  reasonPlaceholder: 'Spam, abuse… (only your team sees this)',
  alsoIp: (ip: string) =>
    ip.includes('/') ? `Also block their network (${ip})` : `Also block their IP address (${ip})`,
  alsoEmail: (email: string) => `Also block their email (${email})`,
  confirmBlock: 'Confirm block',
  cancel: 'Cancel',
  blocked: 'This visitor is blocked.',
  // the Blocked page
  blockedTitle: 'Blocked',
  blockedHint:
    'Visitors, IP addresses (or ranges) and emails refused on this site. Their messages are dropped, not stored.',
  forbidden: 'Only owners and admins can see and change the block list.',
  empty: 'Nobody is blocked on this site.',
  colKind: 'Kind',
  colValue: 'Blocked',
  colReason: 'Reason',
  colBy: 'By',
  colWhen: 'When',
  colDrops: 'Dropped',
  colLastDrop: 'Last dropped',
  kinds: { visitor: 'Visitor', ip: 'IP address', email: 'Email' } satisfies Record<BlockKind, string>,
  lift: 'Lift block',
  liftLabel: (value: string) => `Lift block on ${value}`,
  rowLabel: (kind: string, value: string) => `${kind} ${value}`,
  addTitle: 'Block an IP address or email',
  addKind: 'Kind',
  addValue: 'IP, CIDR range or email',
  addSubmit: 'Add block',
  never: 'never',
} as const;
