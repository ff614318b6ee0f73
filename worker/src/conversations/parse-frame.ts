import { ClientFrame, type FrameErrorCode } from '../protocol';
import { LIMITS } from '../protocol/limits';

/** A client frame that passed every check, or the error frame to answer with. */
export type ParsedFrame =
  | { ok: true; frame: ClientFrame }
  | { ok: false; error: { type: 'error'; code: FrameErrorCode; message: string; clientId?: string } };

const fail = (code: FrameErrorCode, message: string, clientId?: string): ParsedFrame =>
  ({ ok: false, error: { type: 'error', code, message, ...(clientId ? { clientId } : {}) } });

/** Check one raw WebSocket message against the protocol; nothing is stored from a bad frame. */
export function parseClientFrame(data: string | ArrayBuffer): ParsedFrame {
  if (typeof data !== 'string') return fail('bad_request', 'Frames must be JSON text');
  if (data.length > LIMITS.frameMax) return fail('too_large', `Frames are limited to ${LIMITS.frameMax} bytes`);
  let json: unknown;
  try { json = JSON.parse(data); } catch { return fail('bad_request', 'Frame is not valid JSON'); }
  const clientId = typeof (json as { clientId?: unknown })?.clientId === 'string' ? (json as { clientId: string }).clientId.slice(0, LIMITS.clientIdMax) : undefined;
  const parsed = ClientFrame.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('bad_request', `${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'invalid'}`, clientId);
  }
  const frame = parsed.data;
  if (frame.type === 'send') {
    if (frame.body.length > LIMITS.bodyMax) return fail('too_large', `Messages are limited to ${LIMITS.bodyMax} characters`, frame.clientId);
    if (!frame.body.trim()) return fail('bad_request', 'Message body is empty', frame.clientId);
  }
  return { ok: true, frame };
}
