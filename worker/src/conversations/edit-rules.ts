import type { ErrorCode } from '../../../protocol';
import { LIMITS } from '../../../protocol/limits';

/** What the rule needs to know of the message to edit (a row of the object's SQLite). */
export type EditTarget = {
  senderType: string;
  senderId: string | null;
  kind: string;
  createdAt: string;
  deletedAt: string | null;
};

/** Who asks: the socket's or the route's identity. */
export type Editor = { role: 'visitor' | 'agent'; id: string };

/**
 * Whether `who` may replace the body of `target` now (docs/protocol.md "Editing"), pure so every rule is unit-tested:
 * only its author, only a text or a note (a file's body is its name; a system line has no author), never once
 * deleted, within LIMITS.editWindowMs of its sending, and never after the other side wrote after it (`replied`, which
 * the caller looks up: a visitor's text is answered by a later agent text or file; an agent's by a later visitor
 * one; a note, which the visitor never saw, is never "answered"). Null when allowed, else the refusal.
 */
export function decideEdit(
  target: EditTarget,
  who: Editor,
  now: number,
  replied: boolean,
): { code: ErrorCode; message: string } | null {
  if (target.senderType !== who.role || target.senderId !== who.id)
    return { code: 'not_your_message', message: 'You can only edit your own messages' };
  if (target.deletedAt) return { code: 'not_editable', message: 'A deleted message cannot be edited' };
  if (target.kind !== 'text' && target.kind !== 'note')
    return { code: 'not_editable', message: 'Only text messages and notes can be edited' };
  if (now - Date.parse(target.createdAt) > LIMITS.editWindowMs)
    return {
      code: 'edit_window_passed',
      message: `Messages can be edited for ${LIMITS.editWindowMs / 60_000} minutes after sending`,
    };
  if (replied && target.kind !== 'note')
    return { code: 'already_replied', message: 'This message was already answered and can no longer be edited' };
  return null;
}

/** The side whose later text or file answers a message of `role` (the `replied` lookup of decideEdit). */
export const answeringSide = (role: 'visitor' | 'agent') => (role === 'visitor' ? 'agent' : 'visitor');
