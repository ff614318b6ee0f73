// Pure helpers of the block UI: which blocks "Block this visitor" creates.
import type { CreateBlockBody } from '../../../worker/src/protocol';

/** What the block form knows of the visitor. */
export type BlockTarget = { id: string; lastIp: string | null; email: string | null };
/** The form's choices. */
export type BlockChoices = { reason: string; ip: boolean; email: boolean };

/** The blocks to create: always the visitor, then their IP and email when known and ticked. */
export function visitorBlocks(target: BlockTarget, choices: BlockChoices): CreateBlockBody[] {
  const reason = choices.reason.trim() || undefined;
  const withReason = (b: Omit<CreateBlockBody, 'reason'>): CreateBlockBody => (reason ? { ...b, reason } : b);
  return [
    withReason({ kind: 'visitor', value: target.id }),
    ...(choices.ip && target.lastIp ? [withReason({ kind: 'ip', value: target.lastIp })] : []),
    ...(choices.email && target.email ? [withReason({ kind: 'email', value: target.email })] : []),
  ];
}

/** Whether a failed create still leaves the thing blocked (it was already). */
export const alreadyBlocked = (code: string) => code === 'already_blocked';
