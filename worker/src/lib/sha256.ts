// One SHA-256 for the values stored in place of secrets or addresses (invite and setup tokens, device keys, the
// per-address email gap): a leaked database or log then holds nothing that can be used or read back.

/** The SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
