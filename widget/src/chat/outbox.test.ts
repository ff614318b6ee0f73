// Issue 13 break test: the outbox paces a long offline queue (five at once, then about one a second); a message
// written meanwhile used to be pushed at once, so the server stored it before the older queued ones.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { conversation, FakeSocket, json, makeChat, server, session, stubPage } from './fakes';

let fetch: ReturnType<typeof stubPage>;
const sends = (s: FakeSocket) => s.sent.filter((f) => f.type == 'send');

beforeEach(() => {
  vi.useFakeTimers();
  fetch = stubPage();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('a message written while the offline queue is paced out goes after it, in writing order', async () => {
  server(fetch, {
    '/session': () => json(200, session([conversation()])),
    '/messages': () => json(200, { messages: [], hasMore: false }),
  });
  const c = makeChat();
  await c.start();
  await vi.advanceTimersByTimeAsync(0);
  FakeSocket.all[0]!.accept();
  FakeSocket.all[0]!.drop();
  for (let i = 0; i < 7; i++) c.send('queued ' + i);
  await vi.advanceTimersByTimeAsync(1000);
  FakeSocket.all[1]!.accept();
  c.send('written now');
  await vi.advanceTimersByTimeAsync(5000);
  expect(sends(FakeSocket.all[1]!).map((f) => f.body)).toEqual([
    ...Array.from({ length: 7 }, (_, i) => 'queued ' + i),
    'written now',
  ]);
});
