// The golden server frames (protocol/fixtures/, checked against the Durable Objects by
// worker/src/realtime/golden-frames.test.ts) through the shared client: nothing throws, every frame but pong
// reaches the caller unchanged, and message frames merge.
import { describe, expect, it, vi } from 'vitest';
import conversationServer from '../protocol/fixtures/conversation-server.json';
import siteServer from '../protocol/fixtures/site-server.json';
import visitorServer from '../protocol/fixtures/visitor-server.json';
import { createConnection, type SocketLike } from './connection';
import { highestSeq, mergeBySeq, settlePending, type Pending } from './messages';

const files = { 'conversation-server': conversationServer, 'visitor-server': visitorServer, 'site-server': siteServer };

describe('golden server frames through the client', () => {
  for (const [name, fixtures] of Object.entries(files)) {
    it(`${name}: the connection opens on hello and hands every frame but pong to the caller`, async () => {
      vi.useFakeTimers();
      const received: unknown[] = [];
      let socket: SocketLike | undefined;
      vi.stubGlobal(
        'WebSocket',
        class {
          readyState = 1;
          onmessage = null;
          onclose = null;
          constructor() {
            socket = this as unknown as SocketLike;
          }
          send() {}
          close() {}
        },
      );
      const conn = createConnection(
        async () => ['ws://x', []],
        (f) => received.push(f),
      );
      conn.start();
      await vi.advanceTimersByTimeAsync(0);
      const frames = Object.values(fixtures);
      for (const frame of frames) socket!.onmessage!({ data: JSON.stringify(frame) });
      expect(conn.state).toBe('open');
      expect(received).toEqual(frames.filter((f) => f.type !== 'pong'));
      conn.stop();
      vi.useRealTimers();
      vi.unstubAllGlobals();
    });
  }

  it('message frames merge, settle the pending copy by clientId and move the resume point', () => {
    for (const fixtures of [conversationServer, visitorServer]) {
      const message = fixtures.message.message;
      const queued: Pending[] = [
        { clientId: message.clientId, body: message.body, createdAt: message.createdAt, state: 'sending' },
      ];
      const { messages, added } = mergeBySeq([], [message]);
      expect(added).toEqual([message]);
      expect(settlePending(queued, messages)).toEqual([]);
      expect(highestSeq(messages)).toBe(message.seq);
      // Its deletion replaces it, and the history copy fetched before cannot bring it back.
      const deleted = { ...message, body: '', deletedAt: '2026-05-04T09:40:00.000Z' };
      const after = mergeBySeq(messages, [deleted]).messages;
      expect(mergeBySeq(after, [message]).messages).toEqual([deleted]);
    }
  });
});
