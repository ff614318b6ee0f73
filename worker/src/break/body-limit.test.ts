// Break tests, issue 9 item 7: the 64 KiB JSON limit is skipped for any path ending in /files, so a JSON
// route whose :id is "files" reads a chunked body without Content-Length to its end.
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { ORIGIN, workspaceWithSite } from '../../test/helpers';

const CHUNK = 64 * 1024;
function countingStream(total: number) {
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (counter.pulled >= total) return ctrl.close();
      counter.pulled += CHUNK;
      ctrl.enqueue(new Uint8Array(CHUNK).fill(120));
    },
  }, { highWaterMark: 0 });
  return { body, counter };
}

for (const path of ['/api/sites/files', '/api/articles/files', '/api/canned-responses/files', '/api/departments/files', '/api/agents/files']) {
  it(`PATCH ${path} with an 8 MB chunked JSON body stops soon after 64 KiB (413)`, async () => {
    const { owner } = await workspaceWithSite();
    const { body, counter } = countingStream(8 * 1024 * 1024);
    const res = await exports.default.fetch(`https://parley.test${path}`, {
      method: 'PATCH', body, duplex: 'half', headers: { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json', Origin: ORIGIN },
    } as RequestInit);
    await res.text();
    expect({ status: res.status, pulledUnder2MB: counter.pulled < 2 * 1024 * 1024 }).toEqual({ status: 413, pulledUnder2MB: true });
  });
}
