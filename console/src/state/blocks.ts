// Pure helpers of the block UI: which blocks "Block this visitor" creates.
import type { CreateBlockBody } from '../../../protocol';

/** What the block form knows of the visitor. */
export type BlockTarget = { id: string; lastIp: string | null; email: string | null };
/** The form's choices. */
export type BlockChoices = { reason: string; ip: boolean; email: boolean };

/**
 * What "also block their IP" blocks: an IPv4 address as is, an IPv6 address as its /64. A device rotates its
 * IPv6 address inside its /64 (privacy addresses), which is one subscriber line, like one IPv4 address.
 */
export function ipToBlock(ip: string): string {
  if (!ip.includes(':') || ip.includes('.')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [],
    right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  const net = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '').toLowerCase());
  while (net.length && net[net.length - 1] === '0') net.pop();
  return `${net.join(':')}::/64`;
}

/** The blocks to create: always the visitor, then their IP (IPv6: its /64) and email when known and ticked. */
export function visitorBlocks(target: BlockTarget, choices: BlockChoices): CreateBlockBody[] {
  const reason = choices.reason.trim() || undefined;
  const withReason = (b: Omit<CreateBlockBody, 'reason'>): CreateBlockBody => (reason ? { ...b, reason } : b);
  return [
    withReason({ kind: 'visitor', value: target.id }),
    ...(choices.ip && target.lastIp ? [withReason({ kind: 'ip', value: ipToBlock(target.lastIp) })] : []),
    ...(choices.email && target.email ? [withReason({ kind: 'email', value: target.email })] : []),
  ];
}

/** Whether a failed create still leaves the thing blocked (it was already). */
export const alreadyBlocked = (code: string) => code === 'already_blocked';
