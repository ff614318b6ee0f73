import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../protocol';
import { UnknownFetcher } from './fetcher';
import { makeConversation, makeDelta } from './fixture';

/** A stubbed GET /api/conversations/:id whose answers the test releases by hand. */
function stub() {
  const calls: string[] = [];
  const waiting = new Map<string, { resolve: (c: Conversation) => void; reject: (e: Error) => void }>();
  const get = (id: string) => {
    calls.push(id);
    return new Promise<Conversation>((resolve, reject) => waiting.set(id, { resolve, reject }));
  };
  return {
    calls,
    get,
    answer: (c: Conversation) => waiting.get(c.id)!.resolve(c),
    fail: (id: string) => waiting.get(id)!.reject(new Error('404')),
  };
}

describe('UnknownFetcher', () => {
  it('fetches each conversation once while a request is in flight', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c));
    const done = fetcher.request(makeDelta('z', 5));
    expect(fetcher.request(makeDelta('z', 6))).toBe(done);
    void fetcher.request(makeDelta('y', 6));
    expect(http.calls).toEqual(['z', 'y']);
    expect(fetcher.pending).toBe(2);
    http.answer(makeConversation('z', 6));
    await done;
    expect(got.map((c) => c.id)).toEqual(['z']);
    // Answered: the next delta may ask again.
    void fetcher.request(makeDelta('z', 7));
    expect(http.calls).toEqual(['z', 'y', 'z']);
  });
  it('merges the newest delta into an older copy from REST (D1 lags behind the socket)', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c));
    const done = fetcher.request(makeDelta('z', 5));
    void fetcher.request(makeDelta('z', 8, { lastMessagePreview: 'latest', agentUnread: 4 }));
    void fetcher.request(makeDelta('z', 7, { lastMessagePreview: 'older' }));
    http.answer(makeConversation('z', 4, { tags: ['vip'] }));
    await done;
    expect(got[0]).toMatchObject({ rev: 8, lastSeq: 8, lastMessagePreview: 'latest', agentUnread: 4, tags: ['vip'] });
  });
  it('keeps a REST copy newer than the delta as it is', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c));
    const done = fetcher.request(makeDelta('z', 5, { lastMessagePreview: 'old' }));
    http.answer(makeConversation('z', 9, { lastMessagePreview: 'rest' }));
    await done;
    expect(got[0]?.lastMessagePreview).toBe('rest');
  });
  it('forgets a failed request so the next delta retries', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c));
    const done = fetcher.request(makeDelta('z', 5));
    http.fail('z');
    await done;
    expect(got).toEqual([]);
    expect(fetcher.pending).toBe(0);
    void fetcher.request(makeDelta('z', 6));
    expect(http.calls).toEqual(['z', 'z']);
  });
  it('drops answers after stop', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c));
    const done = fetcher.request(makeDelta('z', 5));
    fetcher.stop();
    http.answer(makeConversation('z', 5));
    await done;
    await fetcher.request(makeDelta('y', 5));
    expect(got).toEqual([]);
    expect(http.calls).toEqual(['z']);
  });
  it('runs a few requests at a time and starts the next as one settles', async () => {
    const http = stub();
    const got: Conversation[] = [];
    const fetcher = new UnknownFetcher(http.get, (c) => got.push(c), { maxInFlight: 2, maxQueued: 10 });
    const done = ['a', 'b', 'c', 'd'].map((id) => fetcher.request(makeDelta(id, 5)));
    expect(http.calls).toEqual(['a', 'b']);
    expect(fetcher.pending).toBe(4);
    // A queued conversation is not asked twice either.
    void fetcher.request(makeDelta('c', 6));
    http.answer(makeConversation('a', 5));
    await done[0];
    expect(http.calls).toEqual(['a', 'b', 'c']);
    http.fail('b');
    await done[1];
    expect(http.calls).toEqual(['a', 'b', 'c', 'd']);
    http.answer(makeConversation('c', 5));
    await done[2];
    expect(got.map((c) => [c.id, c.rev])).toEqual([
      ['a', 5],
      ['c', 6],
    ]);
  });
  it('drops the oldest waiting conversations beyond the queue bound', async () => {
    const http = stub();
    const fetcher = new UnknownFetcher(http.get, () => {}, { maxInFlight: 1, maxQueued: 2 });
    const done = ['a', 'b', 'c', 'd'].map((id) => fetcher.request(makeDelta(id, 5)));
    // a runs; b was the oldest waiting when d came, so it went.
    await done[1];
    expect(fetcher.pending).toBe(3);
    http.answer(makeConversation('a', 5));
    await done[0];
    expect(http.calls).toEqual(['a', 'c']);
  });
});
