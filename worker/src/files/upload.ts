import { stripBidi, wellFormed } from '../lib/clean';
import { ApiError, errors } from '../lib/errors';
import { unwrap } from '../lib/do-result';
import { ATTACHMENTS, type Message } from '../../../protocol';
import { truncateFilename } from '../../../protocol/text';

/** Who attaches a file: the visitor or an agent of the conversation. */
export type Uploader = { role: 'visitor' | 'agent'; id: string; name: string | null };

/**
 * A safe display name: no path, no control or bidi characters (an extension cannot be disguised), well-formed,
 * at most 200 characters cut on whole characters with the extension kept.
 */
export function cleanFilename(raw: string | undefined): string {
  let name = 'file';
  try {
    name = decodeURIComponent(raw ?? '') || 'file';
  } catch {
    /* keep the default */
  }
  // eslint-disable-next-line no-control-regex
  const clean = stripBidi(wellFormed(name.split(/[\\/]/).pop()!))
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .trim();
  return truncateFilename(clean, 200) || 'file';
}

const tooLarge = () => new ApiError(413, 'too_large', 'Files are limited to 10 MB');

/**
 * The body, read chunk by chunk and refused with 413 as soon as it passes `max` bytes: a chunked upload without
 * Content-Length (or one that lies) is never read past the limit plus one chunk.
 */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The API path that serves a file to those who may see its conversation. */
export const fileUrl = (conversationId: string, fileId: string) => `/api/files/${conversationId}/${fileId}`;

/**
 * Store the request body in R2 and post it to the conversation as a file message.
 * Type and size are checked before anything is stored (images, PDF, text; 10 MB).
 */
export async function uploadFile(
  env: Env,
  req: Request,
  conversationId: string,
  who: Uploader,
  /** False for an API token: a token cannot hold a conversation, so its file never claims one. */
  claim = true,
): Promise<Message> {
  const type = (req.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(ATTACHMENTS.types as readonly string[]).includes(type)) {
    throw new ApiError(
      415,
      'unsupported_type',
      'Only images (PNG, JPEG, GIF, WebP), PDF and plain text can be attached',
    );
  }
  const declared = Number(req.headers.get('Content-Length') ?? NaN);
  if (declared > ATTACHMENTS.maxBytes) throw tooLarge();
  const bytes = await readAtMost(req.body, ATTACHMENTS.maxBytes);
  if (!bytes.byteLength) throw errors.badRequest('The file is empty');
  const name = cleanFilename(req.headers.get('X-Filename') ?? undefined);
  const fileId = `fl_${crypto.randomUUID().replaceAll('-', '')}`;
  await env.UPLOADS.put(`${conversationId}/${fileId}`, bytes, {
    httpMetadata: { contentType: type },
    customMetadata: { name },
  });
  const file = { id: fileId, name, size: bytes.byteLength, type, url: fileUrl(conversationId, fileId) };
  const posted = await env.CONVERSATIONS.getByName(conversationId).post(
    who,
    { kind: 'file', body: name, file },
    { claim },
  );
  // Not stored as a message: do not keep an orphan object either.
  if (!posted.ok) await env.UPLOADS.delete(`${conversationId}/${fileId}`);
  return unwrap(posted);
}
