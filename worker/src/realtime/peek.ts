import { LIMITS } from '../../../protocol/limits';
import { truncateText } from '../../../protocol/text';
import { wellFormed } from '../lib/clean';
import { frameTooLarge } from '../conversations/parse-frame';

/**
 * The clientId of a raw frame, if it has one, for an error answer after its handler failed: cleaned as
 * parse-frame.ts cleans it, and never read from a frame larger than the protocol allows.
 */
export function peekClientId(data: string | ArrayBuffer): string | undefined {
  if (typeof data !== 'string' || frameTooLarge(data)) return undefined;
  try {
    const raw = (JSON.parse(data) as { clientId?: unknown } | null)?.clientId;
    return typeof raw === 'string' && raw ? truncateText(wellFormed(raw), LIMITS.clientIdMax) : undefined;
  } catch {
    return undefined;
  }
}
