// An edit is sent like a new message: its shortcodes become emoji (the reply box does the same on send).
import { afterEach, expect, it, vi } from 'vitest';

// The console's client reads the page's origin and the stored token (a browser's globals) when it loads.
vi.stubGlobal('location', { origin: 'https://console.test' });
vi.stubGlobal('localStorage', { getItem: () => 'agent-token' });
const { editMessage } = await import('./api-edits');

afterEach(() => vi.unstubAllGlobals());

it('converts :shortcodes: in an edited body, as on send', async () => {
  const sent: unknown[] = [];
  vi.stubGlobal('fetch', async (req: Request | string, init?: RequestInit) => {
    sent.push(JSON.parse(typeof req === 'string' ? String(init?.body) : await req.text()));
    return new Response(JSON.stringify({ message: {} }), { headers: { 'content-type': 'application/json' } });
  });
  await editMessage('cv_1', 'm_1', 'thanks :+1: see `:+1:`');
  expect(sent).toEqual([{ body: 'thanks 👍 see `:+1:`' }]);
});
