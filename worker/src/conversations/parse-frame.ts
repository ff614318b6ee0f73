import { ClientFrame, type FrameErrorCode } from '../../../protocol';
import { cleanInput, wellFormed } from '../lib/clean';
import { LIMITS } from '../../../protocol/limits';
import { truncateText } from '../../../protocol/text';

/** A client frame that passed every check, or the error frame to answer with. */
export type ParsedFrame =
  | { ok: true; frame: ClientFrame }
  | { ok: false; error: { type: 'error'; code: FrameErrorCode; message: string; clientId?: string } };

const fail = (code: FrameErrorCode, message: string, clientId?: string): ParsedFrame => ({
  ok: false,
  error: { type: 'error', code, message, ...(clientId ? { clientId } : {}) },
});

/** Whether a raw frame is over LIMITS.frameMax (UTF-16 length bounds the UTF-8 size from below, so check bytes when close). */
export function frameTooLarge(data: string | ArrayBuffer): boolean {
  if (typeof data !== 'string') return data.byteLength > LIMITS.frameMax;
  if (data.length > LIMITS.frameMax) return true;
  return data.length * 3 > LIMITS.frameMax && new TextEncoder().encode(data).byteLength > LIMITS.frameMax;
}

/** Check one raw WebSocket message against the protocol; nothing is stored from a bad frame. */
export function parseClientFrame(data: string | ArrayBuffer): ParsedFrame {
  // Size first: nothing bigger than the protocol allows is parsed (the runtime has already read it; see docs/protocol.md).
  if (frameTooLarge(data)) return fail('too_large', `Frames are limited to ${LIMITS.frameMax} bytes`);
  if (typeof data !== 'string') return fail('bad_request', 'Frames must be JSON text');
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return fail('bad_request', 'Frame is not valid JSON');
  }
  const rawId = (raw as { clientId?: unknown } | null)?.clientId;
  const clientId = typeof rawId === 'string' ? truncateText(wellFormed(rawId), LIMITS.clientIdMax) : undefined;
  // NUL and deep nesting refused, lone surrogates made U+FFFD, as for REST input (lib/clean.ts).
  const cleaned = cleanInput(raw);
  if ('error' in cleaned) return fail('bad_request', cleaned.error, clientId);
  const json = cleaned.value;
  const parsed = ClientFrame.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('bad_request', `${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'invalid'}`, clientId);
  }
  const frame = parsed.data;
  if (frame.type === 'send' || frame.type === 'edit') {
    const problem = bodyProblem(frame.body);
    if (problem) return fail(problem.code, problem.message, frame.clientId);
  }
  return { ok: true, frame };
}

/** Why a message body (new or edited, socket or REST) cannot be stored; null when it can. */
export function bodyProblem(body: string): { code: 'too_large' | 'bad_request'; message: string } | null {
  if (body.length > LIMITS.bodyMax)
    return { code: 'too_large', message: `Messages are limited to ${LIMITS.bodyMax} characters` };
  if (!body.trim()) return { code: 'bad_request', message: 'Message body is empty' };
  return null;
}
