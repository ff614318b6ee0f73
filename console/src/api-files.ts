// Attachments: uploads go through XMLHttpRequest (fetch cannot report upload progress), downloads
// through fetch with the bearer header, so the token never ends up in a URL.
import type { ErrorBody, Message } from '../../protocol';
import { apiBase, ApiError, tokenStore } from './api';
import { attachmentUrl, uploadErrorMessage } from './state/files';
import { strings } from './strings';

/** A running upload: its result and a way to cancel it. */
export type Upload = { done: Promise<{ message: Message }>; abort: () => void };

/** POSTs the raw file to /api/conversations/:id/files; onProgress gets 0..1. */
export function uploadFile(conversationId: string, file: File, onProgress: (fraction: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ message: Message }>((resolve, reject) => {
    xhr.open('POST', `${apiBase.replace(/\/+$/, '')}/api/conversations/${encodeURIComponent(conversationId)}/files`);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type);
    // Headers are Latin-1 only: the name travels percent-encoded.
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'message' in body) {
        resolve(body as { message: Message });
        return;
      }
      const error = (body as Partial<ErrorBody> | null)?.error;
      const code = error?.code ?? 'error';
      reject(
        new ApiError(xhr.status, code, uploadErrorMessage(xhr.status, code, error?.message ?? strings.genericError)),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', strings.networkError));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Fetches an attachment (an API path from message.file.url) as a Blob, with the agent's token. */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<Blob> {
  const target = attachmentUrl(url, apiBase);
  if (!target) throw new ApiError(0, 'bad_url', strings.genericError);
  const token = tokenStore.get();
  const response = await fetch(target, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
  if (!response.ok) throw new ApiError(response.status, 'error', strings.genericError);
  return response.blob();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
