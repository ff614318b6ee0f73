// Which close code a Durable Object may send. The runtime refuses codes a close frame may not carry (some only
// asynchronously, where no try/catch sees the failure), so every close the hub makes goes through here first.

/**
 * Whether a server may send this code in its own close frame: the assigned protocol codes (1000-1003, 1007-1014)
 * and the application codes 3000-4999. 1004, 1005, 1006 and 1015 only describe a close (RFC 6455 7.4.1).
 */
export const sendableCloseCode = (code: number) =>
  (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);

/**
 * The code to answer a peer's close with, or null to answer nothing: 1006 and 1015 mean no close frame came (no
 * handshake to complete); 1005 (a close frame without a code) and any code the runtime would refuse get 1000.
 */
export function reciprocalCloseCode(code: number): number | null {
  if (code === 1006 || code === 1015) return null;
  return sendableCloseCode(code) ? code : 1000;
}

/** A close reason within the 123 bytes a close frame carries (a longer one makes close() throw). */
export function closeReason(reason: string): string {
  const encoder = new TextEncoder();
  let cut = reason.slice(0, 123);
  // Cut on whole characters: a cut multi-byte sequence would be decoded as U+FFFD.
  while (encoder.encode(cut).byteLength > 123) cut = cut.slice(0, -1);
  return cut;
}
