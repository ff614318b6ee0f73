// REST calls of the Data & privacy page (owners and admins). Downloads go through fetch with the bearer header
// (never a token in a URL) and are saved from an object URL; the export is read as it streams, for progress.
import type { ErasureResult, ErrorBody, ExportQuery, PrivacyVisitor, RetentionSetting } from '../../protocol';
import { EXPORT_TOTAL_HEADER } from '../../protocol/limits';
import { apiBase, ApiError, call, client, signalUnauthorized, tokenStore } from './api';
import { exportSearch, rowCounter } from './state/privacy';
import { strings } from './strings';

/** GET an API path with the agent's token; a refusal becomes an ApiError. */
async function authedGet(path: string): Promise<Response> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(`${apiBase.replace(/\/+$/, '')}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError(0, 'network', strings.networkError);
  }
  if (res.ok) return res;
  if (res.status === 401) signalUnauthorized();
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? strings.genericError);
}

/** Offer a blob to the browser as a download named `name`. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The Data & privacy calls. */
export const privacyApi = {
  /** Download one export file, telling `onProgress` the rows seen and the total; resolves with the rows. */
  async exportFile(name: string, query: ExportQuery, onProgress: (done: number, total: number) => void) {
    const res = await authedGet(`/api/privacy/export?${exportSearch(query)}`);
    const total = Number(res.headers.get(EXPORT_TOTAL_HEADER)) || 0;
    const count = rowCounter(query.format ?? 'jsonl', total);
    const parts: Uint8Array[] = [];
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    let done = 0;
    onProgress(0, total);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parts.push(chunk.value);
      done = count(decoder.decode(chunk.value, { stream: true }));
      onProgress(done, total);
    }
    save(new Blob(parts as BlobPart[], { type: res.headers.get('Content-Type') ?? 'text/plain' }), name);
    onProgress(total, total);
    return total;
  },
  find: (by: { email: string } | { id: string }): Promise<{ visitors: PrivacyVisitor[] }> =>
    call(client.api.privacy.visitors.$get({ query: by })) as Promise<{ visitors: PrivacyVisitor[] }>,
  /** Download everything about one visitor as visitor-<id>.json. */
  async exportVisitor(id: string) {
    const res = await authedGet(`/api/privacy/visitors/${encodeURIComponent(id)}/export`);
    save(await res.blob(), `visitor-${id}.json`);
  },
  erase: (id: string, confirm: string): Promise<{ erasure: ErasureResult }> =>
    call(client.api.privacy.visitors[':id'].erase.$post({ param: { id }, json: { confirm } })) as Promise<{
      erasure: ErasureResult;
    }>,
  retention: (): Promise<{ settings: RetentionSetting[] }> =>
    call(client.api.privacy.retention.$get()) as Promise<{ settings: RetentionSetting[] }>,
  setRetention: (siteId: string, months: number | null): Promise<{ setting: RetentionSetting }> =>
    call(client.api.privacy.retention[':siteId'].$put({ param: { siteId }, json: { months } })) as Promise<{
      setting: RetentionSetting;
    }>,
};
