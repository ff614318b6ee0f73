import { ApiError, errors } from '../lib/errors';
import { ATTACHMENTS, type Message } from '../protocol';

/** Who attaches a file: the visitor or an agent of the conversation. */
export type Uploader = { role: 'visitor' | 'agent'; id: string; name: string | null };

/** A safe display name: no path, no control characters, at most 200 characters. */
export function cleanFilename(raw: string | undefined): string {
  let name = 'file';
  try { name = decodeURIComponent(raw ?? '') || 'file'; } catch { /* keep the default */ }
  // eslint-disable-next-line no-control-regex
  return name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'file';
}

/** The API path that serves a file to those who may see its conversation. */
export const fileUrl = (conversationId: string, fileId: string) => `/api/files/${conversationId}/${fileId}`;

/**
 * Store the request body in R2 and post it to the conversation as a file message.
 * Type and size are checked before anything is stored (images, PDF, text; 10 MB).
 */
export async function uploadFile(env: Env, req: Request, conversationId: string, who: Uploader): Promise<Message> {
  const type = (req.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(ATTACHMENTS.types as readonly string[]).includes(type)) {
    throw new ApiError(415, 'unsupported_type', 'Only images (PNG, JPEG, GIF, WebP), PDF and plain text can be attached');
  }
  const declared = Number(req.headers.get('Content-Length') ?? NaN);
  if (declared > ATTACHMENTS.maxBytes) throw new ApiError(413, 'too_large', 'Files are limited to 10 MB');
  const bytes = await req.arrayBuffer();
  if (bytes.byteLength > ATTACHMENTS.maxBytes) throw new ApiError(413, 'too_large', 'Files are limited to 10 MB');
  if (!bytes.byteLength) throw errors.badRequest('The file is empty');
  const name = cleanFilename(req.headers.get('X-Filename') ?? undefined);
  const fileId = `fl_${crypto.randomUUID().replaceAll('-', '')}`;
  await env.UPLOADS.put(`${conversationId}/${fileId}`, bytes, { httpMetadata: { contentType: type }, customMetadata: { name } });
  const file = { id: fileId, name, size: bytes.byteLength, type, url: fileUrl(conversationId, fileId) };
  const posted = await env.CONVERSATIONS.getByName(conversationId).post(who, { kind: 'file', body: name, file });
  if ('error' in posted) {
    // Not stored as a message: do not keep an orphan object either.
    await env.UPLOADS.delete(`${conversationId}/${fileId}`);
    throw posted.error === 'rate_limited' ? errors.rateLimited() : errors.notFound('Conversation');
  }
  return posted.message;
}
