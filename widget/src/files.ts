// Attachment rules checked before an upload, so the visitor learns at once instead of after sending 10 MB.
import type { ATTACHMENTS as Rules } from '../../protocol/settings';

/** The server's ATTACHMENTS (settings.ts imports zod, so the widget keeps a copy; the type check keeps it equal). */
export const ATTACHMENTS: typeof Rules = {
  maxBytes: 10 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'],
};

/** The notice code for a file the server would refuse, or null when it may be uploaded. */
export function checkFile(f: { size: number; type: string }): 'too_large' | 'unsupported_type' | null {
  if (!(ATTACHMENTS.types as readonly string[]).includes(f.type)) return 'unsupported_type';
  return f.size > ATTACHMENTS.maxBytes ? 'too_large' : null;
}

/** True for the types shown inline as an image. */
export const isImage = (type: string): boolean => type.startsWith('image/');

/** "1.2 MB"-style size for the file link. */
export function fileSize(n: number): string {
  return n < 1024 ? n + ' B' : n < 1048576 ? Math.round(n / 1024) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
}

/** Loose client-side email check (the server validates strictly): something@something.tld, no spaces. */
export const validEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());
