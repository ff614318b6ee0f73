// Client-side checks for agent attachments, mirroring the worker's ATTACHMENTS limits (pure).

/** The worker's ATTACHMENTS (copied so the console bundle needs no zod; a test keeps them equal). */
export const ATTACHMENTS = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
};

/** Types the server accepts. */
export const ALLOWED_TYPES: readonly string[] = ATTACHMENTS.types;

/** The `accept` attribute of the file input. */
export const ACCEPT = ALLOWED_TYPES.join(',');

/** Why a file cannot be sent, or null when it can. */
export function fileError(file: { name: string; size: number; type: string }): string | null {
  if (!ALLOWED_TYPES.includes(file.type))
    return `"${file.name}" cannot be sent: only images (PNG, JPEG, GIF, WebP), PDF and plain text files are allowed.`;
  if (file.size > ATTACHMENTS.maxBytes)
    return `"${file.name}" is ${formatBytes(file.size)}; files can be at most ${formatBytes(ATTACHMENTS.maxBytes)}.`;
  if (file.size === 0) return `"${file.name}" is empty.`;
  return null;
}

/** A size for people: "512 B", "1.5 KB", "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Whether a file message should render inline as an image. */
export function isImage(type: string): boolean {
  return type.startsWith('image/') && ALLOWED_TYPES.includes(type);
}

/** The server's error codes for uploads, as messages. */
export function uploadErrorMessage(status: number, code: string, fallback: string): string {
  if (status === 413 || code === 'too_large')
    return `The file is too large (at most ${formatBytes(ATTACHMENTS.maxBytes)}).`;
  if (status === 415 || code === 'unsupported_type') return 'This type of file cannot be sent.';
  return fallback;
}

/** The absolute URL of an attachment, or null when it points away from the API (the token must never go elsewhere). */
export function attachmentUrl(url: string, apiBase: string): string | null {
  try {
    const base = new URL(apiBase);
    const resolved = new URL(url, base);
    return resolved.origin === base.origin && resolved.pathname.startsWith('/api/') ? resolved.href : null;
  } catch {
    return null;
  }
}
